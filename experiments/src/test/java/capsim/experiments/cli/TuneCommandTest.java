package capsim.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import capsim.experiments.batch.Batch;
import capsim.experiments.batch.CountingProgress;
import capsim.experiments.batch.JobStore;
import capsim.experiments.batch.KillAfter;
import capsim.models.spec.ExperimentSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code capsim tune}: the trace, the best configuration, a runnable best model, resuming, and bad experiment files. */
class TuneCommandTest {
    /*
     * M/M/c with 4 erlangs offered (200/s, exponential 20 ms) and a p99 target of 110 ms:
     * Erlang C gives the p99 of the sojourn time as 122 ms on 5 workers and 97.1 ms on 6 (the
     * M/M/c search of TunerTest at half the rate), each over 10% from the target while a p99 of
     * 2 x 20,000 requests is within ~3%. Maximising the utilisation 4 / c under it asks for the
     * fewest workers meeting it: 6.
     */
    private static final String MODEL = """
            name: mmc
            run: {duration_s: 100, warmup_s: 10, replications: 2, seed: 3}
            workload:
              classes:
                - name: req
                  rate_per_s: 200
                  steps:
                    - {tier: app, service_ms: {dist: exponential, mean: 20}}
            tiers:
              - {name: app, node: custom, vcpu: 16, memory_gb: 2, hourly_usd: 1, count: 1, workers: 12}
            network: {hop_ms: 0}
            slo:
              - {metric: classes.req.latency_ms.p99, max: 110}
            """;
    private static final String EXPERIMENT = """
            base: m.yaml
            run: {duration_s: 100}
            tune:
              parameters:
                tiers.app.workers: {min: 1, max: 12, integer: true}
              maximize: tiers.app.utilization
              evaluations: 8
            """;

    @TempDir
    Path dir;

    @Test
    void writesTheTraceTheBestAndARunnableBestModel() throws IOException {
        Files.writeString(dir.resolve("m.yaml"), MODEL);
        Path experiment = Files.writeString(dir.resolve("e.yaml"), EXPERIMENT);
        Path out = dir.resolve("out");

        Cli cli = Cli.run("tune", experiment.toString(), "--out", out.toString(), "--threads", "1");

        assertEquals(0, cli.status(), cli.err());
        List<String> csv = Files.readAllLines(out.resolve("tune.csv"));
        assertEquals("evaluation,tiers.app.workers,tiers.app.utilization,classes.req.latency_ms.p99,all_pass",
                csv.get(0));
        JsonNode json = new ObjectMapper().readTree(out.resolve("tune.json").toFile());
        assertEquals(csv.size() - 1, json.get("evaluations").asInt());
        assertTrue(json.get("evaluations").asInt() <= 8, json.toString());
        assertEquals(6, json.at("/best/params/tiers.app.workers").asDouble(), 0, cli.out());
        assertEquals(4.0 / 6, json.at("/best/value").asDouble(), 0.02);
        assertTrue(cli.out().contains("best: tiers.app.workers=6"), cli.out());
        assertTrue(cli.out().contains("classes.req.latency_ms.p99 = "), cli.out());
        try (var stored = Files.list(out.resolve("jobs"))) {
            assertEquals(2L * json.get("evaluations").asInt(), stored.count(), "each evaluation's 2 jobs are kept");
        }

        Path best = out.resolve(TuneCommand.BEST_FILE);
        assertTrue(Files.readString(best).contains("workers: 6"), Files.readString(best));
        Cli validate = Cli.run("validate", best.toString());
        assertEquals(0, validate.status(), validate.out() + validate.err());
    }

    /*
     * Killed after 5 of its jobs (the third configuration's first replication), then run again:
     * the search meets the same configurations, reads the 5 stored jobs back, and writes the bytes
     * of a tuning that ran straight through (on another number of threads).
     */
    @Test
    void anInterruptedTuningResumedWritesTheBytesOfAnUninterruptedOne() throws Exception {
        Files.writeString(dir.resolve("m.yaml"), MODEL);
        Path file = Files.writeString(dir.resolve("e.yaml"), EXPERIMENT);
        ExperimentSpec experiment = SweepCommand.load(file);
        Path whole = dir.resolve("whole");
        Path resumed = dir.resolve("resumed");
        CountingProgress straight = new CountingProgress();
        tune(file, experiment, new Batch(2, JobStore.in(whole.resolve("jobs")), straight, () -> 0L), whole);

        Batch killed = new Batch(1, JobStore.in(resumed.resolve("jobs")), new KillAfter(5), () -> 0L);
        assertThrows(IllegalStateException.class, () -> tune(file, experiment, killed, resumed));
        assertFalse(Files.exists(resumed.resolve("tune.csv")));
        CountingProgress again = new CountingProgress();
        tune(file, experiment, new Batch(1, JobStore.in(resumed.resolve("jobs")), again, () -> 0L), resumed);

        assertEquals(5, again.stored());
        assertEquals(straight.ran() - 5, again.ran());
        for (String f : List.of("tune.csv", "tune.json", TuneCommand.BEST_FILE)) {
            assertEquals(Files.readString(whole.resolve(f)), Files.readString(resumed.resolve(f)), f);
        }
    }

    private static void tune(Path file, ExperimentSpec experiment, Batch batch, Path out) throws Exception {
        TuneCommand.tune(file, experiment, batch, 1, out, new PrintWriter(new StringWriter()));
    }

    @Test
    void aBadParameterPathExitsTwoNamingTheFileAndTheKey() throws IOException {
        Files.writeString(dir.resolve("m.yaml"), MODEL);
        Path experiment = Files.writeString(dir.resolve("e.yaml"), EXPERIMENT.replace(
                "tiers.app.workers: {min: 1", "tiers.app.wrkers: {min: 1"));
        Path out = dir.resolve("out");

        Cli cli = Cli.run("tune", experiment.toString(), "--out", out.toString());

        assertEquals(2, cli.status(), cli.out());
        assertTrue(cli.err().contains("e.yaml") && cli.err().contains("wrkers"), cli.err());
        assertFalse(cli.err().contains("Exception"), cli.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aBadEvaluationsValueExitsTwoNamingTheLineAndTheKey() throws IOException {
        Files.writeString(dir.resolve("m.yaml"), MODEL);
        Path experiment = Files.writeString(dir.resolve("e.yaml"), EXPERIMENT.replace("evaluations: 8",
                "evaluations: lots"));

        Cli cli = Cli.run("tune", experiment.toString(), "--out", dir.resolve("out").toString());

        assertEquals(2, cli.status(), cli.out());
        assertTrue(cli.err().contains("e.yaml:7") && cli.err().contains("tune.evaluations"), cli.err());
    }
}
