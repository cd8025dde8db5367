package capsim.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;

/** Exit statuses and messages of the command line that need no model (CONTRACT.md section 2). */
class CliTest {

    @Test
    void helpExitsZeroAndListsTheCommands() {
        Cli cli = Cli.run("--help");

        assertEquals(0, cli.status());
        assertTrue(cli.out().startsWith("Usage: capsim"), cli.out());
        assertTrue(cli.out().contains("run") && cli.out().contains("gate") && cli.out().contains("validate"));
        assertEquals("", cli.err());
    }

    @Test
    void commandHelpExitsZero() {
        for (String command : List.of("run", "gate", "validate")) {
            Cli cli = Cli.run(command, "--help");

            assertEquals(0, cli.status(), command);
            assertTrue(cli.out().startsWith("Usage: capsim " + command), cli.out());
        }
        assertTrue(Cli.run("gate", "--help").out().contains("--baseline=SUMMARY.json"));
    }

    @Test
    void unknownOptionIsAOneLineUsageErrorWithStatusTwo() {
        Cli cli = Cli.run("run", "--bogus", "model.yaml");

        assertEquals(2, cli.status());
        assertEquals(List.of("capsim: Unknown option: '--bogus' (see 'capsim run --help')"), cli.errLines());
    }

    @Test
    void missingModelOrCommandIsAUsageError() {
        Cli noModel = Cli.run("run");
        Cli noCommand = Cli.run();

        assertEquals(2, noModel.status());
        assertEquals(List.of("capsim: Missing required parameter: 'MODEL' (see 'capsim run --help')"),
                noModel.errLines());
        assertEquals(2, noCommand.status());
        assertEquals(List.of("capsim: missing command: run, gate, validate, sweep, compare, catalog or report"
                + " (see 'capsim --help')"),
                noCommand.errLines());
    }

    @Test
    void modelFileThatDoesNotExistIsInvalidInputAndNothingIsWritten(@TempDir Path dir) {
        Path missing = dir.resolve("nope.yaml");
        Path out = dir.resolve("out");

        for (String command : List.of("run", "gate", "validate")) {
            Cli cli = command.equals("validate") ? Cli.run(command, missing.toString())
                    : Cli.run(command, missing.toString(), "--out", out.toString());

            assertEquals(2, cli.status(), command);
            assertEquals(List.of("capsim: " + missing + ": model file not found"), cli.errLines(), command);
        }
        assertFalse(Files.exists(out));
    }

    @Test
    void outOfRangeOptionValuesAreUsageErrors(@TempDir Path dir) {
        String model = dir.resolve("m.yaml").toString();
        assertUsageError("--replications must be at least 1, was 0", "run", model, "--replications", "0");
        assertUsageError("--threads must be at least 1, was 0", "run", model, "--threads", "0");
        assertUsageError("--duration-s must be > 0, was 0.0", "run", model, "--duration-s", "0");
        assertUsageError("--duration-s must be > 0, was NaN", "run", model, "--duration-s", "NaN");
        assertUsageError("--warmup-s must be >= 0, was -1.0", "gate", model, "--warmup-s", "-1");
        assertUsageError("--tolerance-pct must be >= 0, was -5.0", "gate", model, "--tolerance-pct", "-5");
        assertUsageError("Invalid value for option '--replications': 'many' is not an int", "run", model,
                "--replications", "many");
    }

    @Test
    void unexpectedExceptionIsAnInternalErrorWithStackTraceAndStatusThree() {
        Cli cli = Cli.withCommand(new Explode(), "explode");

        assertEquals(3, cli.status());
        assertEquals("capsim: internal error: java.lang.IllegalStateException: a bug", cli.errLines().get(0));
        assertTrue(cli.err().contains("\tat "), cli.err());
    }

    private static void assertUsageError(String message, String... args) {
        Cli cli = Cli.run(args);

        assertEquals(2, cli.status(), String.join(" ", args));
        assertEquals(List.of("capsim: " + message + " (see 'capsim " + args[0] + " --help')"), cli.errLines());
        assertEquals("", cli.out());
    }

    /** A command with a bug. */
    @Command(name = "explode")
    static final class Explode implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("a bug");
        }
    }
}
