package capsim.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run.precision}: replications are added until every SLO metric's interval is precise
 * enough or its verdict clear, up to {@code max_replications}, and the summary says why it stopped.
 */
class PrecisionStopTest {
    /*
     * M/M/1 at 50% busy (10 ms service, 50 req/s): mean response 20 ms. 100 s a replication is
     * about 5,000 requests, so a replication's mean has a relative sd of about 4% (the response
     * time's cv is 1, inflated about 2x by correlation at this load).
     */
    private static String model(String precision, double maxMs) {
        return """
                name: precise
                run: {duration_s: 100, warmup_s: 20, replications: 2, seed: 3, %s}
                workload:
                  classes:
                    - {name: api, rate_per_s: 50, steps: [{tier: app, service_ms: {dist: exponential, mean: 10}}]}
                tiers:
                  - {name: app, node: custom, vcpu: 1, memory_gb: 1, hourly_usd: 0.01, count: 1, balancer: random}
                slo:
                  - {metric: classes.api.latency_ms.mean, max: %s}
                """.formatted(precision, maxMs);
    }

    private static JsonNode run(Path dir, String text) throws IOException {
        Path file = dir.resolve("precise.yaml");
        Files.writeString(file, text);
        Cli cli = Cli.run("run", file.toString(), "--out", dir.resolve("out").toString(), "--threads", "1");
        assertEquals(0, cli.status(), cli.err());
        return new ObjectMapper().readTree(dir.resolve("out/summary.json").toFile());
    }

    /* A target of 20.5 ms is within the interval's reach: 1e-4 relative cannot be met in 5 replications. */
    @Test
    void addsReplicationsUpToTheMaximum(@TempDir Path dir) throws IOException {
        JsonNode s = run(dir, model("precision: {relative: 0.0001}, max_replications: 5", 20.5));
        assertEquals(5, s.path("run").path("replications").asInt());
        assertEquals("max_replications reached", s.path("run").path("stopping").path("reason").asText());
    }

    /* Half of the value is far wider than two replications' interval (about +-50% at t(1) = 12.7 x 4%). */
    @Test
    void stopsAtTheFilesReplicationsWhenPreciseEnough(@TempDir Path dir) throws IOException {
        JsonNode s = run(dir, model("precision: {relative: 0.9}, max_replications: 8", 20.5));
        assertEquals(2, s.path("run").path("replications").asInt());
        assertEquals("precision reached", s.path("run").path("stopping").path("reason").asText());
    }

    /* A 1000 ms target is met by any replication: the verdict is clear long before 1e-4 precision. */
    @Test
    void stopsWhenTheVerdictIsClear(@TempDir Path dir) throws IOException {
        JsonNode s = run(dir, model("precision: {relative: 0.0001}, max_replications: 8", 1000));
        assertEquals(2, s.path("run").path("replications").asInt());
        assertEquals("every SLO precise or its verdict clear", s.path("run").path("stopping").path("reason").asText());
        assertTrue(s.path("slo").get(0).path("pass").asBoolean());
    }

    /* Without run.precision the file's replications run and nothing about stopping is said. */
    @Test
    void withoutPrecisionTheFilesReplicationsRun(@TempDir Path dir) throws IOException {
        JsonNode s = run(dir, model("fidelity: full", 20.5));
        assertEquals(2, s.path("run").path("replications").asInt());
        assertTrue(s.path("run").path("stopping").isMissingNode());
    }
}
