package capsim.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import capsim.experiments.batch.Batch;
import capsim.experiments.batch.BatchProgress;
import capsim.experiments.batch.JobStore;
import capsim.experiments.batch.KillAfter;
import capsim.experiments.report.Destination;
import capsim.experiments.report.SweepFormats;
import capsim.experiments.sweep.Sweep;
import capsim.experiments.sweep.SweepPoint;
import capsim.models.spec.ExperimentSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code capsim sweep}: points, files, the best point, and the same bytes whatever the threads or a resume. */
class SweepCommandTest {
    /*
     * M/M/1 at 50/s; the points change the service mean: 10 ms (rho 0.5, p99 of the sojourn
     * ln(100) / (100 - 50) s = 92 ms), 15 ms (rho 0.75, p99 ln(100) / (66.7 - 50) s = 276 ms) and
     * 5 ms on 2 workers. Target p99 <= 150 ms: the 15 ms point fails. Cost: 1 or 2 custom nodes at
     * $1 and $3 an hour; the cheapest passing point is the 10 ms one on the $1 node.
     */
    private static final String MODEL = """
            name: mm1
            run: {duration_s: 100, warmup_s: 10, replications: 2, seed: 7}
            workload:
              classes:
                - name: req
                  rate_per_s: 50
                  steps:
                    - {tier: app, service_ms: {dist: exponential, mean: 10}}
            tiers:
              - {name: app, node: custom, vcpu: 1, memory_gb: 1, hourly_usd: 1, count: 1, workers: 1}
            network: {hop_ms: 0}
            slo:
              - {metric: classes.req.latency_ms.p99, max: 150}
            """;
    private static final String EXPERIMENT = """
            base: m.yaml
            run: {duration_s: 60}
            sweep:
              points:
                - {workload.classes.req.steps.0.service_ms.mean: 10}
                - {workload.classes.req.steps.0.service_ms.mean: 15}
                - {workload.classes.req.steps.0.service_ms.mean: 5, tiers.app.workers: 2, tiers.app.hourly_usd: 3}
            choose: {minimize: cost.monthly_usd}
            """;

    @TempDir
    Path dir;

    private Path experiment() throws IOException {
        Files.writeString(dir.resolve("m.yaml"), MODEL);
        return Files.writeString(dir.resolve("e.yaml"), EXPERIMENT);
    }

    @Test
    void writesEveryPointTheCsvAndTheJsonWithTheCheapestPassingPoint() throws IOException {
        Path out = dir.resolve("out");

        Cli cli = Cli.run("sweep", experiment().toString(), "--out", out.toString(), "--threads", "2");

        assertEquals(0, cli.status(), cli.err());
        List<String> csv = Files.readAllLines(out.resolve("sweep.csv"));
        assertEquals("point,workload.classes.req.steps.0.service_ms.mean,tiers.app.workers,tiers.app.hourly_usd,"
                + "classes.req.latency_ms.p99,classes.req.latency_ms.p99_ci_lo,classes.req.latency_ms.p99_ci_hi,"
                + "classes.req.latency_ms.p99_verdict,uptime.ratio,cost.monthly_usd,all_pass", csv.get(0));
        assertEquals(4, csv.size());
        assertTrue(csv.get(1).startsWith("1,10,,,") && csv.get(1).endsWith(",730,true"), csv.get(1));
        // its point fails (p99 ~276 ms); two replications of 60 s leave a p99 interval that may still
        // contain 150 ms, so its verdict is FAIL or UNCERTAIN, and it never passes
        assertTrue(csv.get(2).startsWith("2,15,,,") && (csv.get(2).contains(",FAIL,")
                || csv.get(2).contains(",UNCERTAIN,")) && csv.get(2).endsWith(",false"), csv.get(2));
        assertTrue(csv.get(3).startsWith("3,5,2,3,") && csv.get(3).endsWith(",2190,true"), csv.get(3));
        JsonNode json = new ObjectMapper().readTree(out.resolve("sweep.json").toFile());
        assertEquals(1, json.get("best").get("point").asInt());
        assertEquals(730, json.get("best").get("value").asDouble(), 1e-9);
        assertEquals(10, json.get("best").get("params").get("workload.classes.req.steps.0.service_ms.mean").asInt());
        assertEquals(3, json.get("points").size());
        for (int p = 1; p <= 3; p++) {
            JsonNode summary = new ObjectMapper().readTree(out.resolve("points/00" + p + "/summary.json").toFile());
            assertEquals(60, summary.get("run").get("duration_s").asDouble(), "the experiment's run: applies");
        }
        // p99 of the sojourn at rho 0.5: 92 ms; at 0.75: 276 ms (tolerance: 2 x 60 s x 50/s = 6000 requests)
        JsonNode p1 = json.get("points").get(0).get("slo").get(0);
        JsonNode p2 = json.get("points").get(1).get("slo").get(0);
        assertEquals(92, p1.get("value").asDouble(), 20);
        assertEquals(276, p2.get("value").asDouble(), 80);
        assertTrue(cli.out().matches("(?s).*001 .*<- best.*"), cli.out());
    }

    /*
     * The sweep's interval of an SLO metric is the one its point's summary.json gives the SLO:
     * a p99's p99_ci95 (Student t over the replications' p99s) and, for a metric without its own
     * interval (utilisation), the Student t interval of the replications' values. Three
     * replications, so both have a width.
     */
    @Test
    void theSweepsIntervalOfAnSloMetricIsTheSummarysOwn() throws IOException {
        Files.writeString(dir.resolve("m.yaml"), MODEL.replace("replications: 2", "replications: 3")
                + "  - {metric: tiers.app.utilization, max: 0.9}\n");
        Path exp = Files.writeString(dir.resolve("e.yaml"), EXPERIMENT);
        Path out = dir.resolve("out");

        Cli cli = Cli.run("sweep", exp.toString(), "--out", out.toString(), "--threads", "1");

        assertEquals(0, cli.status(), cli.err());
        ObjectMapper json = new ObjectMapper();
        JsonNode points = json.readTree(out.resolve("sweep.json").toFile()).get("points");
        for (int p = 1; p <= 3; p++) {
            JsonNode summary = json.readTree(out.resolve("points/00" + p + "/summary.json").toFile());
            JsonNode sweepSlo = points.get(p - 1).get("slo");
            assertEquals(2, summary.get("slo").size());
            for (int i = 0; i < 2; i++) {
                JsonNode own = summary.get("slo").get(i).get("ci95");
                JsonNode swept = sweepSlo.get(i).get("ci95");
                assertEquals(summary.get("slo").get(i).get("metric"), sweepSlo.get(i).get("metric"));
                assertTrue(own.isArray() && own.get(1).asDouble() > own.get(0).asDouble(), own.toString());
                assertEquals(own.get(0).asDouble(), swept.get(0).asDouble(), 0, "point " + p + " slo " + i);
                assertEquals(own.get(1).asDouble(), swept.get(1).asDouble(), 0, "point " + p + " slo " + i);
            }
            JsonNode p99 = summary.get("classes").get("req").get("latency_ms").get("p99_ci95");
            assertEquals(p99, summary.get("slo").get(0).get("ci95"), "the SLO's p99 interval is the summary's own");
        }
    }

    /* The sweep's charts and report.html, and capsim report DIR redraws the same bytes from the folder alone. */
    @Test
    void writesItsChartsAndReportAndReportRebuildsThemFromTheFolder() throws IOException {
        Path out = dir.resolve("out");
        Cli sweep = Cli.run("sweep", experiment().toString(), "--out", out.toString(), "--threads", "2");
        assertEquals(0, sweep.status(), sweep.err());
        List<String> pictures = List.of("report.html", "sweep-cost-latency.png", "sweep-cost-latency.svg");
        List<String> written = new ArrayList<>();
        for (String f : pictures) {
            written.add(Files.readString(out.resolve(f), java.nio.charset.StandardCharsets.ISO_8859_1));
            Files.delete(out.resolve(f));
        }
        String html = written.get(0);
        assertTrue(html.contains("2 of 3 points pass every SLO; best: <b>point 001</b>"), html);
        assertTrue(html.contains("<img width=\"960\" height=\"480\""), html);

        Cli report = Cli.run("report", out.toString());

        assertEquals(0, report.status(), report.err());
        for (int i = 0; i < pictures.size(); i++) {
            assertEquals(written.get(i), Files.readString(out.resolve(pictures.get(i)),
                    java.nio.charset.StandardCharsets.ISO_8859_1), pictures.get(i));
        }
        assertFalse(Files.exists(out.resolve("sweep-heatmap.png")), "three parameters vary: no heat map");
    }

    @Test
    void theSameBytesWhateverTheThreads() throws IOException {
        Path exp = experiment();
        Cli one = Cli.run("sweep", exp.toString(), "--out", dir.resolve("one").toString(), "--threads", "1");
        Cli three = Cli.run("sweep", exp.toString(), "--out", dir.resolve("three").toString(), "--threads", "3");

        assertEquals(0, one.status(), one.err());
        assertEquals(0, three.status(), three.err());
        for (String f : List.of("sweep.csv", "sweep.json")) {
            assertEquals(Files.readString(dir.resolve("one").resolve(f)), Files.readString(dir.resolve("three")
                    .resolve(f)), f);
        }
    }

    /* Killed after 2 of its 6 jobs, then run again: every file equals that of a sweep that ran straight through. */
    @Test
    void aResumedSweepWritesTheBytesOfAnUninterruptedOne() throws Exception {
        ExperimentSpec e = SweepCommand.load(experiment());
        List<SweepPoint> points = Points.resolve(e, e.sweep().orElseThrow().points(), List.of());
        Path whole = dir.resolve("whole");
        Path resumed = dir.resolve("resumed");
        write(whole, points, e, new Batch(2, JobStore.in(whole.resolve("jobs")), BatchProgress.none(), () -> 0L));

        Batch killed = new Batch(1, JobStore.in(resumed.resolve("jobs")), new KillAfter(2), () -> 0L);
        assertThrows(IllegalStateException.class, () -> write(resumed, points, e, killed));
        assertFalse(Files.exists(resumed.resolve("sweep.csv")));
        write(resumed, points, e, new Batch(2, JobStore.in(resumed.resolve("jobs")), BatchProgress.none(), () -> 0L));

        List<Path> files = files(whole);
        assertEquals(files, files(resumed));
        assertTrue(files.size() >= 3 + 2 + 6, files.toString());
        for (Path f : files) {
            assertArrayEquals(Files.readAllBytes(whole.resolve(f)), Files.readAllBytes(resumed.resolve(f)), f.toString());
        }
    }

    @Test
    void aBadPointOrChooseMetricExitsTwoNamingThePointAndWritesNothing() throws IOException {
        Path exp = experiment();
        Files.writeString(exp, EXPERIMENT.replace("mean: 15}", "mean: -15}"));
        Cli badPoint = Cli.run("sweep", exp.toString(), "--out", dir.resolve("a").toString());
        Files.writeString(exp, EXPERIMENT.replace("cost.monthly_usd", "cost.monthly_usdd"));
        Cli badMetric = Cli.run("sweep", exp.toString(), "--out", dir.resolve("b").toString());

        assertEquals(2, badPoint.status());
        assertTrue(badPoint.errLines().get(0).startsWith("point 002 (workload.classes.req.steps.0.service_ms.mean=-15): "
                + exp + ":6:54: workload.classes.req.steps.0.service_ms.mean=-15 (" + dir.resolve("m.yaml")
                + "): workload.classes[0].steps[0].service_ms.mean: "), badPoint.err());
        assertEquals(2, badMetric.status());
        assertTrue(badMetric.err().startsWith(exp + ": choose: unknown summary metric 'cost.monthly_usdd'"),
                badMetric.err());
        assertFalse(Files.exists(dir.resolve("a")) || Files.exists(dir.resolve("b")));
    }

    private static void write(Path out, List<SweepPoint> points, ExperimentSpec e, Batch batch) throws IOException {
        var result = Sweep.run(e.sweep().orElseThrow().parameters(), points, batch, e.choose());
        SweepFormats.all().write(result, new Destination(out, new PrintWriter(new StringWriter())));
    }

    private static List<Path> files(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> all = Files.walk(root)) {
            all.filter(Files::isRegularFile).map(root::relativize).sorted().forEach(files::add);
        }
        return files;
    }
}
