package capsim.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code capsim compare}: the sign and significance of a known difference, and none between a model and itself. */
class CompareCommandTest {
    /*
     * M/M/1 at 40/s, no network hop. A: service mean 10 ms, mean sojourn 1 / (100 - 40) s = 16.7 ms,
     * p99 ln(100) x 16.7 = 76.8 ms. B: 8 ms, 1 / (125 - 40) s = 11.8 ms, p99 54.2 ms. B is 4.9 ms
     * better on the mean; with 5 paired replications of 60 s (2,400 requests each) the
     * per-replication means have a spread of about 1.5 ms (A) and, paired by common random numbers,
     * their differences far less: the interval is well away from 0.
     */
    private static final String MODEL = """
            name: NAME
            run: {duration_s: 60, warmup_s: 10, replications: 5, seed: 11}
            workload:
              classes:
                - name: req
                  rate_per_s: 40
                  steps:
                    - {tier: app, service_ms: {dist: exponential, mean: MEAN}}
            tiers:
              - {name: app, node: custom, vcpu: 1, memory_gb: 1, hourly_usd: 1, count: 1, workers: 1}
            network: {hop_ms: 0}
            slo:
              - {metric: classes.req.latency_ms.p99, max: 500}
            """;

    @TempDir
    Path dir;

    private Path model(String name, double meanMs) throws IOException {
        return Files.writeString(dir.resolve(name + ".yaml"), MODEL.replace("NAME", name)
                .replace("MEAN", Double.toString(meanMs)));
    }

    private static Map<String, JsonNode> byMetric(Path json) throws IOException {
        Map<String, JsonNode> rows = new HashMap<>();
        new ObjectMapper().readTree(json.toFile()).get("metrics").forEach(m -> rows.put(m.get("metric").asText(), m));
        return rows;
    }

    @Test
    void aFasterServerIsBetterWithAPairedIntervalThatExcludesZero() throws IOException {
        Path out = dir.resolve("out");

        Cli cli = Cli.run("compare", model("slow", 10).toString(), model("fast", 8).toString(), "--out",
                out.toString(), "--threads", "2");

        assertEquals(0, cli.status(), cli.err());
        Map<String, JsonNode> rows = byMetric(out.resolve("compare.json"));
        JsonNode mean = rows.get("classes.req.latency_ms.mean");
        assertEquals(16.7, mean.get("a").asDouble(), 2.5);
        assertEquals(11.8, mean.get("b").asDouble(), 1.8);
        assertEquals(-4.9, mean.get("diff").asDouble(), 1.5);
        assertTrue(mean.get("ci95").get(1).asDouble() < 0, mean.toString());
        assertEquals("better", mean.get("verdict").asText());
        assertEquals("better", rows.get("classes.req.latency_ms.p99").get("verdict").asText());
        // the same node at the same price: cost does not differ
        assertEquals(0, rows.get("cost.monthly_usd").get("diff").asDouble(), 0);
        assertEquals("no significant difference", rows.get("cost.monthly_usd").get("verdict").asText());
        assertTrue(Files.readString(out.resolve("compare.md")).contains("| `classes.req.latency_ms.mean` |"));
        assertTrue(cli.out().contains("better"), cli.out());

        Cli reversed = Cli.run("compare", model("fast", 8).toString(), model("slow", 10).toString(), "--out",
                dir.resolve("rev").toString(), "--threads", "1");
        assertEquals("worse", byMetric(dir.resolve("rev/compare.json")).get("classes.req.latency_ms.mean")
                .get("verdict").asText());
    }

    @Test
    void setBChangesOnlyB() throws IOException {
        Path slow = model("slow", 10);

        Cli cli = Cli.run("compare", slow.toString(), slow.toString(), "--set-b",
                "workload.classes.req.steps.0.service_ms.mean=8", "--out", dir.resolve("out").toString());

        assertEquals(0, cli.status(), cli.err());
        JsonNode mean = byMetric(dir.resolve("out/compare.json")).get("classes.req.latency_ms.mean");
        assertEquals(-4.9, mean.get("diff").asDouble(), 1.5);
        assertEquals("better", mean.get("verdict").asText());
    }

    @Test
    void aModelComparedWithItselfShowsNoSignificantDifference() throws IOException {
        Path a = model("same", 10);
        Path b = Files.copy(a, dir.resolve("copy.yaml"));

        Cli cli = Cli.run("compare", a.toString(), b.toString(), "--out", dir.resolve("out").toString());

        assertEquals(0, cli.status(), cli.err());
        for (JsonNode row : byMetric(dir.resolve("out/compare.json")).values()) {
            assertEquals("no significant difference", row.get("verdict").asText(), row.toString());
            assertEquals(0, row.get("diff").asDouble(), 0, row.toString());
        }
    }

    /*
     * Run again after losing 3 of its 10 stored jobs (as a kill loses the unfinished ones), a
     * comparison reads the other 7 back and writes what a run straight through, on two threads, wrote.
     */
    @Test
    void aResumedComparisonWritesTheBytesOfAnUninterruptedOne() throws IOException {
        String slow = model("slow", 10).toString();
        String fast = model("fast", 8).toString();
        Path whole = dir.resolve("whole");
        Path resumed = dir.resolve("resumed");
        assertEquals(0, Cli.run("compare", slow, fast, "--out", whole.toString(), "--threads", "2").status());
        assertEquals(0, Cli.run("compare", slow, fast, "--out", resumed.toString(), "--threads", "1").status());
        StoredJobs.lose(resumed, 3);

        Cli again = Cli.run("compare", slow, fast, "--out", resumed.toString(), "--threads", "1");

        assertEquals(0, again.status(), again.err());
        assertTrue(again.err().contains("(7 of 10 stored)"), again.err());
        for (String f : List.of("compare.json", "compare.md")) {
            assertEquals(Files.readString(whole.resolve(f)), Files.readString(resumed.resolve(f)), f);
        }
    }

    /* A and B the same model: its 5 jobs are simulated once, not twice. */
    @Test
    void aModelComparedWithItselfIsSimulatedOnce() throws IOException {
        Path a = model("same", 10);

        Cli cli = Cli.run("compare", a.toString(), a.toString(), "--out", dir.resolve("out").toString());

        assertEquals(0, cli.status(), cli.err());
        assertTrue(cli.err().contains("5/5 jobs"), cli.err());
        assertEquals(5, StoredJobs.list(dir.resolve("out")).size());
    }

    @Test
    void oneReplicationCannotBePairedAndIsAUsageError() throws IOException {
        Cli cli = Cli.run("compare", model("a", 10).toString(), model("b", 8).toString(), "--replications", "1",
                "--out", dir.resolve("out").toString());

        assertEquals(2, cli.status());
        assertTrue(cli.err().startsWith("capsim: compare needs at least 2 replications to pair, was 1"), cli.err());
    }
}
