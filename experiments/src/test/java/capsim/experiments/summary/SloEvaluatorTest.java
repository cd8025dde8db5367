package capsim.experiments.summary;

import static capsim.experiments.Fixtures.CATALOG;
import static capsim.experiments.Fixtures.max;
import static capsim.experiments.Fixtures.min;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import capsim.experiments.Fixtures;
import capsim.models.load.ModelError;
import capsim.models.spec.ModelSpec;
import capsim.models.spec.SloSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SloEvaluatorTest {
    private static final JsonNode SUMMARY = json("""
            {"classes": {"api": {"latency_ms": {"p99": 120.5, "p99_ci95": [110, 130]}, "error_ratio": 0.002}},
             "uptime": {"ratio": 0.9951}}""");

    @Test
    void maxIsAtMostAndMinIsAtLeastBothInclusive() {
        List<SloVerdict> verdicts = SloEvaluator.evaluate(List.of(max("classes.api.latency_ms.p99", 120.5),
                max("classes.api.latency_ms.p99", 120.4), min("uptime.ratio", 0.9951), min("uptime.ratio", 0.996),
                max("classes.api.latency_ms.p99_ci95.1", 130)), SUMMARY);

        assertEquals(new SloVerdict("classes.api.latency_ms.p99", 120.5, "<=", 120.5, true), verdicts.get(0));
        assertEquals(new SloVerdict("classes.api.latency_ms.p99", 120.4, "<=", 120.5, false), verdicts.get(1));
        assertEquals(new SloVerdict("uptime.ratio", 0.9951, ">=", 0.9951, true), verdicts.get(2));
        assertEquals(new SloVerdict("uptime.ratio", 0.996, ">=", 0.9951, false), verdicts.get(3));
        assertTrue(verdicts.get(4).pass());
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
