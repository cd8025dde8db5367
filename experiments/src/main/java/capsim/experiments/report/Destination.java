package capsim.experiments.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the writers of one command put their output: the terminal, and a results folder whose
 * files are each written atomically ({@link AtomicFiles}) and listed in the order written.
 */
public final class Destination {
    private final Path folder;
    private final PrintWriter terminal;
    private final List<Path> written = new ArrayList<>();

    /** Output to {@code terminal} and to files in {@code folder} (created when a file is written). */
    public Destination(Path folder, PrintWriter terminal) {
        this.folder = folder;
        this.terminal = terminal;
    }

    public Path folder() {
        return folder;
    }

    public PrintWriter terminal() {
        return terminal;
    }

    /** Writes {@code content} (UTF-8) to the file {@code name} of the folder, all or nothing. */
    public void text(String name, AtomicFiles.Content content) throws IOException {
        Path file = folder.resolve(name);
        AtomicFiles.write(file, content);
        written.add(file);
    }

    /** Writes {@code bytes} to the file {@code name} of the folder, all or nothing. */
    public void bytes(String name, byte[] bytes) throws IOException {
        Path file = folder.resolve(name);
        AtomicFiles.writeBytes(file, bytes);
        written.add(file);
    }

    /** The files written so far, in order. */
    public List<Path> written() {
        return List.copyOf(written);
    }
}
