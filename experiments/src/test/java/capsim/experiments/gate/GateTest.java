package capsim.experiments.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateTest {

    /* "<=" with baseline 100 and 10%: up to 110 is tolerated, 110.01 regressed; getting better never is. */
    @Test
    void lowerIsBetterRegressesAboveBaselinePlusTolerance() {
        assertFalse(Gate.regressed("<=", 100, 110, 10));
        assertTrue(Gate.regressed("<=", 100, 110.01, 10));
        assertFalse(Gate.regressed("<=", 100, 50, 10));
    }

    /* ">=" with baseline 0.999 and 10%: the floor is 0.999 - 0.0999 = 0.8991. */
    @Test
    void higherIsBetterRegressesBelowBaselineMinusTolerance() {
        assertFalse(Gate.regressed(">=", 0.999, 0.8991, 10));
        assertTrue(Gate.regressed(">=", 0.999, 0.899, 10));
        assertFalse(Gate.regressed(">=", 0.999, 1, 10));
    }

    @Test
    void againstAZeroBaselineAnyWorseningRegresses() {
        assertFalse(Gate.regressed("<=", 0, 0, 10));
        assertTrue(Gate.regressed("<=", 0, 0.001, 10));
    }

    /*
     * now: p99 150 (target 200, pass), uptime 0.99 (target 0.995, fail), cost 900 (target 1000, pass).
     * baseline: p99 120 -> +25% > 10%: regressed; uptime 0.99 -> same: not regressed; no cost in it.
     */
    @Test
    void rowsCombineTargetVerdictsWithBaselineComparison() throws IOException {
        JsonNode now = json("""
                {"slo": [
                  {"metric": "classes.api.latency_ms.p99", "target": 200, "op": "<=", "value": 150, "pass": true},
                  {"metric": "uptime.ratio", "target": 0.995, "op": ">=", "value": 0.99, "pass": false},
                  {"metric": "cost.monthly_usd", "target": 1000, "op": "<=", "value": 900, "pass": true}]}""");
        JsonNode baseline = json("""
                {"classes": {"api": {"latency_ms": {"p99": 120}}}, "uptime": {"ratio": 0.99}}""");

        List<GateRow> rows = Gate.evaluate(now, Optional.of(baseline), 10);

        assertEquals(new GateRow("classes.api.latency_ms.p99", "<=", 200, OptionalDouble.of(120), 150, true, true),
                rows.get(0));
        assertEquals("REGRESSED", rows.get(0).verdict());
        assertEquals(new GateRow("uptime.ratio", ">=", 0.995, OptionalDouble.of(0.99), 0.99, false, false),
                rows.get(1));
        assertEquals("FAIL", rows.get(1).verdict());
        assertEquals(new GateRow("cost.monthly_usd", "<=", 1000, OptionalDouble.empty(), 900, true, false),
                rows.get(2));
        assertTrue(rows.get(2).ok());
    }

    @Test
    void withoutBaselineOnlyTargetsCount() throws IOException {
        JsonNode now = json("""
                {"slo": [{"metric": "a.b", "target": 1, "op": "<=", "value": 1, "pass": true}]}""");

        assertTrue(Gate.evaluate(now, Optional.empty(), 10).stream().allMatch(GateRow::ok));
    }

    @Test
    void baselineMustBeAJsonObject(@TempDir Path dir) throws IOException {
        Path notJson = Files.writeString(dir.resolve("a.json"), "{ not json");
        Path array = Files.writeString(dir.resolve("b.json"), "[1, 2]");
        Path empty = Files.writeString(dir.resolve("c.json"), "");

        assertThrows(IOException.class, () -> Gate.readBaseline(notJson));
        assertThrows(IOException.class, () -> Gate.readBaseline(array));
        assertThrows(IOException.class, () -> Gate.readBaseline(empty));
        assertThrows(IOException.class, () -> Gate.readBaseline(dir.resolve("missing.json")));
    }

    private static JsonNode json(String text) throws IOException {
        return new ObjectMapper().readTree(text);
    }
}
