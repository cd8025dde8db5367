package capsim.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @Test
    void writesTheFileCreatingItsFolderAndLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("results/shop/summary.json");

        AtomicFiles.writeString(target, "{}\n");
        AtomicFiles.writeString(target, "{\"a\": 1}\n");

        assertEquals("{\"a\": 1}\n", Files.readString(target));
        assertEquals(List.of(target), list(target.getParent()));
    }

    /* A written file has the permissions of any file the process creates (the umask applies), not 0600. */
    @Test
    void writtenFilesGetTheProcesssDefaultPermissions(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("summary.json");
        Path plain = Files.createFile(dir.resolve("plain"));

        AtomicFiles.writeString(target, "{}\n");

        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(target));
    }

    @Test
    void failedWriteKeepsTheOldFileAndRemovesTheTemporaryOne(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("summary.json");
        AtomicFiles.writeString(target, "old");

        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write("half of the new con");
            throw new IOException("disk full");
        }));

        assertEquals("disk full", e.getMessage());
        assertEquals("old", Files.readString(target));
        assertEquals(List.of(target), list(dir));
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }
}
