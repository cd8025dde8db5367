package capsim.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import capsim.experiments.report.TimeSeriesCsv;
import capsim.experiments.result.TimeSeries;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line over the real model loader and simulator: M/M/1 runs, validation, the gate
 * and invalid models, each in a temporary folder.
 */
class CliEndToEndTest {
    /*
     * M/M/1: Poisson arrivals at 50/s, exponential service of mean 10 ms on one server:
     * rho = 0.5, mean sojourn 1 / (mu - lambda) = 1 / (100 - 50) s = 20 ms, plus one network hop
     * of 0.5 ms per visit -> 20.5 ms end to end.
     */
    private static final String MM1 = """
            name: mm1
            title: M/M/1 at half load
            run:
              duration_s: 200
              warmup_s: 20
              replications: 3
              seed: 7
            workload:
              classes:
                - name: req
                  rate_per_s: RATE
                  steps:
                    - tier: app
                      service_ms: {dist: exponential, mean: 10}
            tiers:
              - name: app
                node: t3.small
                count: 1
                workers: 1
            network:
              hop_ms: 0.5
            slo:
              - {metric: classes.req.latency_ms.p99, max: P99_MAX}
              - {metric: uptime.ratio, min: 0.5}
            """;

    @TempDir
    Path dir;

    /*
     * Tolerances, from 3 replications x 200 s x 50/s = 30,000 requests:
     * - mean sojourn: sd 20 ms per request; successive sojourn times are correlated over about
     *   the relaxation time 1 / (mu (1 - sqrt(rho))^2) = 0.117 s, i.e. ~6 customers, so the
     *   variance of the mean is inflated ~12x: SE ~ 20 x sqrt(12 / 30000) = 0.4 ms; 5 SE = 2 ms.
     * - utilisation: regenerative estimate over ~15,000 busy cycles of mean 40 ms:
     *   SE ~ sd(0.5 B - 0.5 I) / (sqrt(n) E[C]) = 0.02 / (122 x 0.04) = 0.004; 5 SE = 0.02.
     * - throughput: Poisson count over 600 s, SE = sqrt(50 / 600) = 0.29/s; 5 SE = 1.5/s.
     */
    @Test
    void runOfMm1WritesSummaryAndTimeSeriesMatchingTheClosedForm() throws IOException {
        Path out = dir.resolve("out");

        Cli cli = Cli.run("run", model("mm1.yaml", 50, 1000).toString(), "--out", out.toString(), "--threads", "2");

        assertEquals(0, cli.status(), cli.err());
        JsonNode summary = read(out.resolve("summary.json"));
        JsonNode req = summary.get("classes").get("req");
        assertEquals(20.5, req.get("latency_ms").get("mean").asDouble(), 2.0);
        assertEquals(50, req.get("throughput_per_s").asDouble(), 1.5);
        assertEquals(0.5, summary.get("tiers").get("app").get("utilization").asDouble(), 0.02);
        assertEquals(3, summary.get("run").get("replications").asInt());
        assertTrue(summary.get("slo").get(0).get("pass").asBoolean());
        String csv = Files.readString(out.resolve("timeseries.csv"));
        assertTrue(csv.startsWith("replication,window_start_s,class.req.arrived,class.req.completed,class.req.errors,"
                + "class.req.mean_ms,class.req.p50_ms,class.req.p95_ms,class.req.p99_ms,tier.app.utilization,"
                + "tier.app.nodes,tier.app.p99_ms,tier.app.offered,tier.app.credits\n"), csv);
        // every arrival falls in exactly one window: the windows' arrivals add up to the summary's
        TimeSeries series = TimeSeriesCsv.read(out.resolve("timeseries.csv"));
        assertEquals(req.get("arrived").asDouble(), series.sum(w -> series.value(w, "class.req.arrived")));
        // window p50 <= p95 <= p99
        for (TimeSeries.Window w : series.windows()) {
            assertTrue(series.value(w, "class.req.p50_ms") <= series.value(w, "class.req.p95_ms")
                    && series.value(w, "class.req.p95_ms") <= series.value(w, "class.req.p99_ms"));
        }
        assertTrue(cli.out().contains("req "), cli.out());
        assertTrue(cli.out().contains("wrote " + out.resolve("summary.json")), cli.out());
    }

    @Test
    void sameSeedGivesTheSameSummaryWhateverTheThreadsAndOverridesApply() throws IOException {
        String model = model("mm1.yaml", 50, 1000).toString();
        Path one = dir.resolve("one");
        Path two = dir.resolve("two");

        assertEquals(0, Cli.run("run", model, "--out", one.toString(), "--threads", "1", "--replications", "2",
                "--duration-s", "50", "--seed", "11").status());
        assertEquals(0, Cli.run("run", model, "--out", two.toString(), "--threads", "2", "--replications", "2",
                "--duration-s", "50", "--seed", "11").status());

        ObjectNode first = (ObjectNode) read(one.resolve("summary.json"));
        ObjectNode second = (ObjectNode) read(two.resolve("summary.json"));
        assertEquals(2, first.get("run").get("replications").asInt());
        assertEquals(50, first.get("run").get("duration_s").asDouble(), 0);
        assertEquals(11, first.get("run").get("seed").asLong());
        first.remove("engine");
        second.remove("engine");
        assertEquals(first, second);
        assertEquals(Files.readString(one.resolve("timeseries.csv")), Files.readString(two.resolve("timeseries.csv")));
    }

    /* Offered: 50/s x 10 ms = 0.5 server-s/s on one server; at 150/s it is 1.5: saturated. */
    @Test
    void validatePrintsOfferedLoadWithoutSimulating() throws IOException {
        Cli calm = Cli.run("validate", model("mm1.yaml", 50, 1000).toString());
        Cli overloaded = Cli.run("validate", model("hot.yaml", 150, 1000).toString());

        assertEquals(0, calm.status(), calm.err());
        assertTrue(Pattern.compile("(?m)^app\\s+50\\.00\\s+0\\.5000\\s+1\\s+50\\.0%$").matcher(calm.out()).find(),
                calm.out());
        assertEquals(0, overloaded.status(), overloaded.err());
        assertTrue(Pattern.compile("(?m)^app\\s+150\\.00\\s+1\\.5000\\s+1\\s+150\\.0%\\s+SATURATED$")
                .matcher(overloaded.out()).find(), overloaded.out());
        assertFalse(Files.exists(dir.resolve("results")));
    }

    @Test
    void invalidModelExitsTwoNamingFileLineColumnAndKey() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), MM1.replace("RATE", "50").replace("P99_MAX", "1000")
                .replace("  seed: 7\n", "  seed: 7\n  bogus_key: 1\n"));
        Path out = dir.resolve("out");

        for (List<String> args : List.of(List.of("validate", bad.toString()),
                List.of("run", bad.toString(), "--out", out.toString()))) {
            Cli cli = Cli.run(args.toArray(String[]::new));

            assertEquals(2, cli.status(), args.toString());
            // bogus_key is on line 8 of the file
            assertTrue(Pattern.compile(Pattern.quote(bad.toString()) + ":8:\\d+: .*bogus_key").matcher(cli.err()).find(),
                    cli.err());
            assertFalse(cli.err().contains("\tat "), cli.err());
        }
        assertFalse(Files.exists(out));
    }

    @Test
    void unknownSloMetricExitsTwoBeforeRunningAndWritesNothing() throws IOException {
        Path model = Files.writeString(dir.resolve("slo.yaml"), MM1.replace("RATE", "50").replace("P99_MAX", "1000")
                .replace("classes.req.latency_ms.p99", "classes.reqq.latency_ms.p99"));
        Path out = dir.resolve("out");

        Cli cli = Cli.run("run", model.toString(), "--out", out.toString());

        assertEquals(2, cli.status());
        // the loader names the file, line and column, the key and the bad metric, and suggests the right one
        assertTrue(Pattern.compile(Pattern.quote(model.toString())
                + ":\\d+:\\d+: slo\\[0\\]\\.metric: 'classes.reqq.latency_ms.p99' .*did you mean 'classes.req.latency_ms.p99'")
                .matcher(cli.err()).find(), cli.err());
        assertFalse(Files.exists(out));
        assertEquals("", cli.out());
    }

    @Test
    void gatePassesWhenEveryTargetHoldsAndFailsOtherwise() throws IOException {
        Cli pass = Cli.run("gate", model("pass.yaml", 50, 1000).toString(), "--out", dir.resolve("a").toString());
        // p99 of a 20 ms exponential sojourn is ~92 ms: a 1 ms target fails
        Cli fail = Cli.run("gate", model("fail.yaml", 50, 1).toString(), "--out", dir.resolve("b").toString());

        assertEquals(0, pass.status(), pass.err());
        assertTrue(pass.out().contains("gate: PASS"), pass.out());
        assertEquals(1, fail.status(), fail.err());
        assertTrue(fail.out().contains("gate: FAIL"), fail.out());
        assertTrue(Files.exists(dir.resolve("b/summary.json")));
    }

    /* A baseline whose p99 (and each replication's) is half of today's: today is 100% worse, beyond the 10% tolerance. */
    @Test
    void gateWithBaselineFailsOnRegression() throws IOException {
        String model = model("mm1.yaml", 50, 1000).toString();
        Path first = dir.resolve("first");
        assertEquals(0, Cli.run("gate", model, "--out", first.toString()).status());
        ObjectNode baseline = (ObjectNode) read(first.resolve("summary.json"));
        ObjectNode latency = (ObjectNode) baseline.get("classes").get("req").get("latency_ms");
        latency.put("p99", latency.get("p99").asDouble() / 2);
        ArrayNode perReplication = (ArrayNode) baseline.get("slo").get(0).get("per_replication");
        for (int r = 0; r < perReplication.size(); r++) {
            perReplication.set(r, perReplication.get(r).asDouble() / 2);
        }
        Path baselineFile = dir.resolve("baseline.json");
        new ObjectMapper().writeValue(baselineFile.toFile(), baseline);

        Cli same = Cli.run("gate", model, "--out", dir.resolve("same").toString(), "--baseline",
                first.resolve("summary.json").toString());
        Cli worse = Cli.run("gate", model, "--out", dir.resolve("worse").toString(), "--baseline",
                baselineFile.toString());

        assertEquals(0, same.status(), same.out());
        assertEquals(1, worse.status(), worse.out());
        assertTrue(worse.out().contains("REGRESSED"), worse.out());
    }

    @Test
    void unreadableBaselineExitsTwoAndWritesNothing() throws IOException {
        Path baseline = Files.writeString(dir.resolve("baseline.json"), "{ this is not json");
        Path out = dir.resolve("out");

        Cli cli = Cli.run("gate", model("mm1.yaml", 50, 1000).toString(), "--out", out.toString(), "--baseline",
                baseline.toString());

        assertEquals(2, cli.status());
        assertEquals(1, cli.errLines().size(), cli.err());
        assertTrue(cli.err().startsWith("capsim: " + baseline + ": cannot read the baseline summary"), cli.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void formatPicksTheRenderingsAndAnUnknownOneExitsTwoBeforeRunning() throws IOException {
        String model = model("mm1.yaml", 50, 1000).toString();
        Path jsonOnly = dir.resolve("json");
        Path bad = dir.resolve("bad");

        Cli json = Cli.run("run", model, "--out", jsonOnly.toString(), "--format", "json", "--duration-s", "20");
        Cli unknown = Cli.run("run", model, "--out", bad.toString(), "--format", "json,pdf");

        assertEquals(0, json.status(), json.err());
        try (var files = Files.list(jsonOnly)) {
            // the batch's stored jobs (for resuming) and the one picked rendering
            assertEquals(List.of("jobs", "summary.json"), files.map(f -> f.getFileName().toString()).sorted()
                    .toList());
        }
        assertFalse(json.out().contains("p99 95% CI"), json.out());
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().contains("--format: unknown format 'pdf'; known: table, json, csv, model"),
                unknown.err());
        assertEquals("", unknown.out());
        assertFalse(Files.exists(bad));
    }

    private Path model(String file, double ratePerS, double p99MaxMs) throws IOException {
        return Files.writeString(dir.resolve(file), MM1.replace("RATE", Double.toString(ratePerS))
                .replace("P99_MAX", Double.toString(p99MaxMs)));
    }

    private static JsonNode read(Path file) throws IOException {
        return new ObjectMapper().readTree(file.toFile());
    }
}
