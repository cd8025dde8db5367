package capsim.models.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import capsim.models.catalog.Catalog;
import capsim.models.spec.AutoscaleSpec;
import capsim.models.spec.AutoscaleSpec.Hpa;
import capsim.models.spec.AutoscaleSpec.Metric;
import capsim.models.spec.AutoscaleSpec.Scheduled;
import capsim.models.spec.AutoscaleSpec.Step;
import capsim.models.spec.AutoscaleSpec.StepScaling;
import capsim.models.spec.AutoscaleSpec.TargetTracking;
import capsim.models.spec.AutoscaleSpec.Window;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code autoscale:} binds with its documented defaults, and every kind of bad input is reported
 * at its key path, line and column. In {@link #model} the autoscale keys start on line 14,
 * column 7.
 */
class AutoscaleBinderTest {
    private static final double INF = Double.POSITIVE_INFINITY;
    private final ModelLoader loader = new ModelLoader(Catalog.builtIn());

    /** MINIMAL (see ModelLoaderTest) with tier app at 4 nodes and {@code autoscale} (YAML lines) as its section. */
    private static String model(String autoscale) {
        String tier = "  - {name: app, node: t3.small, count: 1}\n";
        assertTrue(ModelLoaderTest.MINIMAL.endsWith(tier), "test set-up: MINIMAL's tier line moved");
        return ModelLoaderTest.MINIMAL.replace(tier, """
                  - name: app
                    node: t3.small
                    count: 4
                    autoscale:
                """ + autoscale.indent(6));
    }

    private AutoscaleSpec bind(String autoscale) throws ModelException {
        return loader.parse(model(autoscale), "ok.yaml").tiers().get(0).operations().autoscale().orElseThrow();
    }

    private List<ModelError> errors(String autoscale) {
        return assertThrows(ModelException.class, () -> loader.parse(model(autoscale), "bad.yaml")).errors();
    }

    /** The only error, at {@code keyPath} (under tiers[0].autoscale), line and column, saying {@code fragment}. */
    private void only(String autoscale, String keyPath, int line, int column, String fragment) {
        List<ModelError> errors = errors(autoscale);
        String all = errors.stream().map(ModelError::toString).collect(Collectors.joining("\n"));
        assertEquals(1, errors.size(), all);
        ModelError e = errors.get(0);
        assertEquals("tiers[0].autoscale" + keyPath, e.keyPath(), all);
        assertEquals(line, e.line(), all);
        assertEquals(column, e.column(), all);
        assertTrue(e.message().contains(fragment), all);
    }

    // ---- binding -----------------------------------------------------------------------------

    @Test
    void targetTrackingTakesTheAwsDefaults() throws ModelException {
        AutoscaleSpec a = bind("{policy: target_tracking, target: 50, min: 2, max: 10}");
        assertEquals(new AutoscaleSpec(2, 10, new TargetTracking(Metric.CPU, 50, 60, 3, 15, 300, 1.0)), a);
    }

    @Test
    void stepsGetTheirOpenBoundsFromTheirNeighbours() throws ModelException {
        AutoscaleSpec a = bind("""
                policy: step
                min: 2
                max: 12
                steps: [{lower: 80, change: 2}, {lower: 90, change: 4}, {upper: 30, change: -1}]
                """);
        assertEquals(new StepScaling(Metric.CPU, 60, 1, 300, List.of(new Step(-INF, 30, -1), new Step(80, 90, 2),
                new Step(90, INF, 4))), a.settings());
    }

    @Test
    void hpaTakesTheAutoscalingV2Defaults() throws ModelException {
        AutoscaleSpec a = bind("{policy: hpa, metric: requests_per_node, target: 100, min: 1, max: 30}");
        assertEquals(new Hpa(Metric.REQUESTS_PER_NODE, 100, 15, 0.1, 0, 300, 4, 100, 100, 15), a.settings());
    }

    @Test
    void scheduleFactorMultipliesTheTierCountRoundingUp() throws ModelException {
        // 1.5 x 4 = 6 nodes from 08:00 to 18:00 (EduNerve's "peak_hours" and "scale_factor");
        // 1.1 x 4 = 4.4 -> 5 from 22:00 to 02:00; min and max default to the range 4..6
        AutoscaleSpec a = bind("""
                policy: scheduled
                schedule:
                  - {from: "08:00", to: "18:00", factor: 1.5}
                  - {from: 22, to: 2, factor: 1.1}
                """);
        assertEquals(new AutoscaleSpec(4, 6, new Scheduled(4, List.of(new Window(8, 18, 6), new Window(22, 2, 5)))), a);
    }

    // ---- validation ----------------------------------------------------------------------------

    @Test
    void policyIsRequiredAndSuggested() {
        only("{min: 1, max: 5, target: 50}", ".policy", 14, 7, "missing required key 'policy'");
        only("{policy: target-tracking, min: 1, max: 5, target: 50}", ".policy", 14, 16,
                "did you mean 'target_tracking'?");
    }

    @Test
    void keysOfAnotherPolicyDoNotApply() {
        only("{policy: target_tracking, target: 50, min: 1, max: 5, cooldown_s: 60}", ".cooldown_s", 14, 61,
                "'cooldown_s' does not apply to policy target_tracking");
        only("{policy: step, target: 50, min: 1, max: 5, steps: [{lower: 80, change: 1}]}", ".target", 14, 22,
                "does not apply to policy step");
    }

    @Test
    void minAndMaxMustHoldTheCount() {
        only("{policy: hpa, target: 50, min: 5, max: 9}", ".min", 14, 33, "min (5) is above the tier's count (4)");
        only("{policy: hpa, target: 50, min: 1, max: 3}", ".max", 14, 41, "max (3) is below the tier's count (4)");
        only("{policy: hpa, target: 50, max: 9}", ".min", 14, 7, "missing required key 'min'");
        only("{policy: hpa, target: 50, min: 0, max: 9}", ".min", 14, 38, "must be >= 1");
    }

    @Test
    void targetsAreChecked() {
        only("{policy: target_tracking, target: 150, min: 1, max: 5}", ".target", 14, 41, "<= 100 (percent)");
        only("{policy: hpa, min: 1, max: 5}", ".target", 14, 7, "missing required key 'target'");
        only("{policy: hpa, target: 50, min: 1, max: 5, tolerance: 1}", ".tolerance", 14, 60, "must be >= 0 and < 1");
        only("{policy: target_tracking, target: 50, min: 1, max: 5, scale_in_ratio: 0}", ".scale_in_ratio", 14, 77,
                "must be > 0 and <= 1");
        only("{policy: target_tracking, metric: memory, target: 50, min: 1, max: 5}", ".metric", 14, 41,
                "is not one of cpu, requests_per_node, connections_per_node");
    }

    @Test
    void stepsMustCoverTheirRangesWithoutGapsOrOverlaps() {
        String head = "{policy: step, min: 1, max: 9, steps: [";
        // head is 39 characters: the first step starts at column 7 + 39 = 46
        only(head + "{lower: 80, change: 0}]}", ".steps[0].change", 14, 58, "must not be 0");
        only(head + "{upper: 80, change: 2}]}", ".steps[0].lower", 14, 46, "needs 'lower'");
        only(head + "{lower: 30, change: -1}]}", ".steps[0].upper", 14, 46, "needs 'upper'");
        only(head + "{lower: 80, upper: 85, change: 2}, {lower: 90, change: 4}]}", ".steps[0].upper", 14, 58,
                "leaves a gap before the next scale-out step, which starts at 90");
        only(head + "{lower: 80, upper: 95, change: 2}, {lower: 90, change: 4}]}", ".steps[0].upper", 14, 58,
                "overlaps the next scale-out step");
        only(head + "{lower: 80, upper: 95, change: 2}]}", ".steps[0].upper", 14, 58,
                "the highest scale-out step must have no upper bound");
        only(head + "{lower: 80, change: 2}, {lower: 80, change: 4}]}", ".steps[1].lower", 14, 71,
                "two scale-out steps start at 80");
        only(head + "{lower: 50, change: 2}, {upper: 60, change: -1}]}", ".steps[1].upper", 14, 71,
                "scale-in range overlaps the scale-out range that starts at 50");
        only(head + "{lower: 10, upper: 30, change: -1}]}", ".steps[0].lower", 14, 47,
                "the lowest scale-in step must have no lower bound");
    }

    @Test
    void scheduleWindowsAreChecked() {
        String head = "{policy: scheduled, schedule: [";
        // head is 31 characters: the first window starts at column 38
        only(head + "{from: 8, to: 18, count: 6, factor: 2}]}", ".schedule[0].count", 14, 38,
                "either 'count' or 'factor'");
        only(head + "{from: 8, to: 18}]}", ".schedule[0].count", 14, 38, "either 'count' or 'factor'");
        only(head + "{from: 8, to: 8, count: 6}]}", ".schedule[0].to", 14, 48, "the window is empty");
        only(head + "{from: 8, to: 18, count: 6}, {from: 17, to: 20, count: 5}]}", ".schedule[1].from", 14, 68,
                "overlaps an earlier one");
        only(head + "{from: 20, to: 9, count: 6}, {from: 8, to: 10, count: 5}]}", ".schedule[1].from", 14, 68,
                "overlaps an earlier one");
        only("{policy: scheduled, max: 5, schedule: [{from: 8, to: 18, count: 6}]}", ".schedule[0].count", 14, 64,
                "gives 6 nodes, outside min..max (1..5)");
        only(head + "{from: \"25:00\", to: 18, count: 6}]}", ".schedule[0].from", 14, 45, "an hour of the day");
    }

    @Test
    void connectionsPerNodeBindsOnTheWebSocketTier() throws ModelException {
        String text = model("{policy: target_tracking, metric: connections_per_node, target: 20000, min: 1, max: 8}")
                .replace("tiers:\n", """
                          websocket:
                            tier: app
                            connections: 100000
                            messages_per_s: 10
                            fanout: {dist: deterministic, mean: 3}
                            send_ms: {dist: deterministic, mean: 0.02}
                        tiers:
                        """);
        AutoscaleSpec a = loader.parse(text, "ws.yaml").tiers().get(0).operations().autoscale().orElseThrow();
        assertEquals(Metric.CONNECTIONS_PER_NODE, a.settings(TargetTracking.class).metric());
    }

    @Test
    void connectionsPerNodeNeedsTheWebSocketTier() {
        only("{policy: hpa, metric: connections_per_node, target: 20000, min: 1, max: 5}", ".metric", 14, 29,
                "connections_per_node applies only to the tier holding WebSocket connections "
                        + "(workload.websocket.tier, absent)");
    }
}
