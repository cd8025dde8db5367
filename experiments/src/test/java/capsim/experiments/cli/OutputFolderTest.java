package capsim.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output folder is checked before anything is simulated. */
class OutputFolderTest {
    private static final String MODEL = """
            name: tiny
            run: {duration_s: 10, warmup_s: 0, replications: 1, seed: 1}
            workload:
              classes:
                - name: api
                  rate_per_s: 10
                  steps:
                    - {tier: app, service_ms: {dist: exponential, mean: 5}}
            tiers:
              - {name: app, node: t3.medium, count: 1}
            """;

    @Test
    void anOutputFolderThatCannotBeWrittenIsOneLineAndExitTwoBeforeRunning(@TempDir Path dir) throws IOException {
        Path model = Files.writeString(dir.resolve("tiny.yaml"), MODEL);
        Path blocker = Files.writeString(dir.resolve("file"), "not a folder");

        Cli cli = Cli.run("run", model.toString(), "--out", blocker.resolve("out").toString());

        assertEquals(2, cli.status(), cli.out() + cli.err());
        assertEquals(1, cli.err().lines().count(), cli.err());
        assertTrue(cli.err().contains("cannot write the results there"), cli.err());
        assertFalse(cli.out().contains("running"), "nothing was simulated: " + cli.out());
    }
}
