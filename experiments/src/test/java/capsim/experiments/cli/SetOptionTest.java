package capsim.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --set PATH=VALUE} on validate, run and gate: applied by name, refused with exit 2 when the path is bad. */
class SetOptionTest {
    static final String MODEL = """
            name: two-tier
            run: {duration_s: 20, warmup_s: 2, replications: 1, seed: 3}
            workload:
              classes:
                - name: api
                  rate_per_s: 50
                  steps:
                    - {tier: app, service_ms: {dist: exponential, mean: 10}}
            tiers:
              - {name: app, node: t3.small, count: 1, workers: 1}
              - {name: db, node: t3.small, count: 1, workers: 1}
            slo:
              - {metric: classes.api.latency_ms.p99, max: 1000}
            """;

    @TempDir
    Path dir;

    /* validate prints the offered load: 50/s x 10 ms on 1 server is 50%; with 4 nodes it is 12.5%, at 80/s 20%. */
    @Test
    void validateShowsTheOverriddenModel() throws IOException {
        Path model = Files.writeString(dir.resolve("m.yaml"), MODEL);

        Cli cli = Cli.run("validate", model.toString(), "--set", "tiers.app.count=4", "--set",
                "workload.classes.api.rate_per_s=80");

        assertEquals(0, cli.status(), cli.err());
        assertTrue(Pattern.compile("(?m)^app\\s+80\\.00\\s+0\\.8000\\s+4\\s+20\\.0%$").matcher(cli.out()).find(),
                cli.out());
    }

    @Test
    void badPathsAndValuesExitTwoNamingThePathAndWhatIsThere() throws IOException {
        Path model = Files.writeString(dir.resolve("m.yaml"), MODEL);
        Path out = dir.resolve("out");

        for (String command : List.of("validate", "run", "gate")) {
            Cli cli = Cli.run(command, model.toString(), "--set", "tiers.ap.count=6", "--out", out.toString());
            if (command.equals("validate")) {
                cli = Cli.run(command, model.toString(), "--set", "tiers.ap.count=6");
            }

            assertEquals(2, cli.status(), command + ": " + cli.err());
            assertEquals("--set tiers.ap.count=6 (" + model + "): no 'ap' in 'tiers' (has: app, db); did you mean"
                    + " 'app'?", cli.errLines().get(0), command);
        }
        Cli badValue = Cli.run("run", model.toString(), "--set", "run.replications=0", "--out", out.toString());
        assertEquals(2, badValue.status());
        assertTrue(badValue.errLines().get(0).startsWith("--set run.replications=0 (" + model + "): run.replications:"),
                badValue.err());
        Cli malformed = Cli.run("run", model.toString(), "--set", "tiers.app.count", "--out", out.toString());
        assertEquals(2, malformed.status());
        assertEquals(List.of("capsim: --set tiers.app.count: 'tiers.app.count' is not PATH=VALUE (e.g."
                + " tiers.app.count=6)"), malformed.errLines());
        assertFalse(Files.exists(out));
    }

    @Test
    void runUsesTheOverriddenRunSettings() throws IOException {
        Path model = Files.writeString(dir.resolve("m.yaml"), MODEL);
        Path out = dir.resolve("out");

        Cli cli = Cli.run("run", model.toString(), "--set", "run.replications=2", "--set", "run.seed=9", "--out",
                out.toString(), "--threads", "1");

        assertEquals(0, cli.status(), cli.err());
        String summary = Files.readString(out.resolve("summary.json"));
        assertTrue(summary.contains("\"replications\" : 2") && summary.contains("\"seed\" : 9"), summary);
    }
}
