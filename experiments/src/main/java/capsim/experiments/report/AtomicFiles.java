package capsim.experiments.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Writes a file all or nothing: the content goes to a temporary file in the same folder, which
 * is then renamed over the target ({@code ATOMIC_MOVE}; a plain replacing move where the file
 * system cannot rename atomically). Readers see the old file or the new one, never half of
 * one; if writing fails the old file is untouched and the temporary file is removed. Files get
 * the process's default permissions (the umask applies), like any file the user creates.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** What to write. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer out) throws IOException;
    }

    /** Writes {@code text} (UTF-8) to {@code target}, creating its folder. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text));
    }

    /** Writes {@code content} (UTF-8) to {@code target}, creating its folder. */
    public static void write(Path target, Content content) throws IOException {
        writeWith(target, temp -> {
            try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                content.writeTo(out);
            }
        });
    }

    /** Writes {@code bytes} to {@code target}, creating its folder. */
    public static void writeBytes(Path target, byte[] bytes) throws IOException {
        writeWith(target, temp -> Files.write(temp, bytes));
    }

    private interface TempWriter {
        void fill(Path temp) throws IOException;
    }

    private static void writeWith(Path target, TempWriter writer) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path temp = newTemp(folder, target.getFileName().toString());
        try {
            writer.fill(temp);
            move(temp, target);
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /**
     * A new empty file beside the target, created as an ordinary file so that its permissions are
     * the process's default (0666 less the umask, 0644 usually), not a temporary file's 0600.
     */
    private static Path newTemp(Path folder, String name) throws IOException {
        while (true) {
            Path temp = folder.resolve("." + name + "." + UUID.randomUUID() + ".tmp");
            try {
                return Files.createFile(temp);
            } catch (FileAlreadyExistsException e) {
                // another name
            }
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
