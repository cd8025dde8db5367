package capsim.experiments.summary;

import static capsim.experiments.Fixtures.CATALOG;
import static capsim.experiments.Fixtures.max;
import static capsim.experiments.Fixtures.min;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import capsim.experiments.Fixtures;
import capsim.experiments.summary.SloVerdict.Verdict;
import capsim.models.load.ModelError;
import capsim.models.metric.MetricCatalog;
import capsim.models.spec.ModelSpec;
import capsim.models.spec.SloSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SloEvaluatorTest {
    private static final JsonNode SUMMARY = json("""
            {"classes": {"api": {"latency_ms": {"p99": 120.5, "p99_ci95": [110, 130]}, "error_ratio": 0.002}},
             "uptime": {"ratio": 0.9951}}""");

    private static final MetricCatalog METRICS = MetricCatalog.of(Fixtures.model(true, Optional.empty(), List.of()));

    /* One replication: no interval, so the verdict is the point's. */
    @Test
    void maxIsAtMostAndMinIsAtLeastBothInclusive() {
        List<SloVerdict> verdicts = SloEvaluator.evaluate(METRICS, List.of(max("classes.api.latency_ms.p99", 120.5),
                max("classes.api.latency_ms.p99", 120.4), min("uptime.ratio", 0.9951), min("uptime.ratio", 0.996),
                max("classes.api.latency_ms.p99_ci95.1", 130)), SUMMARY, List.of(), 1);

        assertEquals(point("classes.api.latency_ms.p99", 120.5, "<=", 120.5, true), verdicts.get(0));
        assertEquals(point("classes.api.latency_ms.p99", 120.4, "<=", 120.5, false), verdicts.get(1));
        assertEquals(point("uptime.ratio", 0.9951, ">=", 0.9951, true), verdicts.get(2));
        assertEquals(point("uptime.ratio", 0.996, ">=", 0.9951, false), verdicts.get(3));
        assertTrue(verdicts.get(4).pass());
        assertTrue(verdicts.get(0).toJson().get("ci95").isNull());
    }

    private static SloVerdict point(String metric, double target, String op, double value, boolean pass) {
        return new SloVerdict(metric, target, op, value, pass, pass ? Verdict.PASS : Verdict.FAIL, Optional.empty(),
                OptionalInt.empty());
    }

    /*
     * Three replications of 90, 100 and 110 requests/s: mean 100, s = 10, t(2) = 4.303, so the
     * interval is 100 +- 4.303 x 10 / sqrt(3) = 100 +- 24.84. At least 95 lies inside it:
     * UNCERTAIN (the pooled value, 100, passes). At least 60 lies below it: PASS; at least 130
     * above: FAIL. To exclude 95, 5 from the centre, with the spread kept: the smallest N with
     * t(N-1) x 10 / sqrt(N) < 5 is 18 (t(17) = 2.110: 4.97; N = 17, t(16) = 2.120: 5.14).
     */
    @Test
    void anIntervalContainingTheTargetIsUncertainAndSaysWhatWouldSettleIt() {
        List<JsonNode> each = List.of(json("{\"classes\": {\"api\": {\"throughput_per_s\": 90}}}"),
                json("{\"classes\": {\"api\": {\"throughput_per_s\": 100}}}"),
                json("{\"classes\": {\"api\": {\"throughput_per_s\": 110}}}"));
        JsonNode merged = json("{\"classes\": {\"api\": {\"throughput_per_s\": 100}}}");
        String path = "classes.api.throughput_per_s";

        List<SloVerdict> v = SloEvaluator.evaluate(METRICS, List.of(min(path, 95), min(path, 60), min(path, 130)),
                merged, each, 3);

        assertEquals(Verdict.UNCERTAIN, v.get(0).verdict());
        assertTrue(v.get(0).pass());
        assertEquals(100 - 24.84, v.get(0).ci95().orElseThrow().lo(), 0.01);
        assertEquals(100 + 24.84, v.get(0).ci95().orElseThrow().hi(), 0.01);
        assertEquals(OptionalInt.of(18), v.get(0).replicationsToSettle());
        assertEquals(Verdict.PASS, v.get(1).verdict());
        assertEquals(Verdict.FAIL, v.get(2).verdict());
        assertEquals(OptionalInt.empty(), v.get(1).replicationsToSettle());
        assertEquals("UNCERTAIN", v.get(0).toJson().get("verdict").asText());
        assertEquals(18, v.get(0).toJson().get("replications_to_settle").asInt());
    }

    /*
     * A p99 and the uptime carry their own intervals: p99 120.5 in [110, 130] against at most
     * 120 is UNCERTAIN, at most 140 PASS, at most 100 FAIL; uptime 99.925% in [99.853, 99.996]
     * against at least 99.9% is UNCERTAIN although its point passes.
     */
    @Test
    void aP99AndTheUptimeAreJudgedOnTheirOwnIntervals() {
        JsonNode summary = json("""
                {"classes": {"api": {"latency_ms": {"p99": 120.5, "p99_ci95": [110, 130]}}},
                 "uptime": {"ratio": 0.99925, "ci95": [0.99853, 0.99996]}}""");
        String p99 = "classes.api.latency_ms.p99";

        List<SloVerdict> v = SloEvaluator.evaluate(METRICS, List.of(max(p99, 120), max(p99, 140), max(p99, 100),
                min("uptime.ratio", 0.999)), summary, List.of(summary, summary), 2);

        assertEquals(List.of(Verdict.UNCERTAIN, Verdict.PASS, Verdict.FAIL, Verdict.UNCERTAIN),
                v.stream().map(SloVerdict::verdict).toList());
        assertTrue(v.get(3).pass());
        assertEquals(0.99853, v.get(3).ci95().orElseThrow().lo(), 0);
    }

    @Test
    void unknownPathIsAnErrorNamingTheSloIndexTheMetricAndWhatExists() {
        ModelSpec spec = Fixtures.model(false, Optional.empty(), List.of(max("classes.api.latency_ms.p99", 1),
                max("classes.apii.latency_ms.p99", 1)));

        List<ModelError> errors = SloEvaluator.check(spec, SUMMARY);

        assertEquals(1, errors.size());
        ModelError e = errors.get(0);
        assertEquals("shop.yaml", e.file());
        assertEquals("slo[1].metric", e.keyPath());
        assertTrue(e.message().contains("'classes.apii.latency_ms.p99'"), e.message());
        assertTrue(e.message().contains("no 'apii' in 'classes' (has: api)"), e.message());
    }

    @Test
    void pathToAnObjectIsNotANumber() {
        ModelSpec spec = Fixtures.model(false, Optional.empty(), List.of(max("classes.api.latency_ms", 1)));

        List<ModelError> errors = SloEvaluator.check(spec, SUMMARY);

        assertEquals(1, errors.size());
        assertTrue(errors.get(0).message().contains("is not a number (has: p99, p99_ci95)"), errors.get(0).message());
    }

    /* Before running: the SLO paths are checked on the summary of an empty run of the model itself. */
    @Test
    void summaryBuilderChecksMetricsAgainstTheModelsOwnClassesAndTiers() {
        List<SloSpec> slo = List.of(max("classes.api.latency_ms.p99", 200), max("tiers.db.latency_ms.p99", 50),
                min("uptime.ratio", 0.995), max("cost.monthly_usd", 1000), max("websocket.delivery_ms.p99", 100),
                max("tiers.cache.latency_ms.p99", 5));

        List<ModelError> withoutWs = new SummaryBuilder(Fixtures.model(false, Optional.empty(), slo), List.of(),
                CATALOG).checkSloMetrics();
        List<ModelError> withWs = new SummaryBuilder(Fixtures.model(true, Optional.empty(), slo), List.of(),
                CATALOG).checkSloMetrics();

        assertEquals(List.of("slo[4].metric", "slo[5].metric"), withoutWs.stream().map(ModelError::keyPath).toList());
        assertEquals(List.of("slo[5].metric"), withWs.stream().map(ModelError::keyPath).toList());
        assertFalse(withWs.get(0).toString().isEmpty());
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
