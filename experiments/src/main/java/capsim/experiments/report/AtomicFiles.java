package capsim.experiments.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file all or nothing: the content goes to a temporary file in the same folder, which
 * is then renamed over the target ({@code ATOMIC_MOVE}; a plain replacing move where the file
 * system cannot rename atomically). Readers see the old file or the new one, never half of
 * one; if writing fails the old file is untouched and the temporary file is removed.
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
        Path temp = Files.createTempFile(folder, "." + target.getFileName(), ".tmp");
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

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
