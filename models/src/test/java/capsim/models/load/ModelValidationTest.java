package capsim.models.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import capsim.models.catalog.Catalog;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every kind of invalid model file gives an error that names the key path, line and column; all
 * errors of a file come together. Line numbers below count the lines of each text block from 1.
 */
class ModelValidationTest {
    private final ModelLoader loader = new ModelLoader(Catalog.builtIn());

    private List<ModelError> errors(String text) {
        return assertThrows(ModelException.class, () -> loader.parse(text, "bad.yaml")).errors();
    }

    /** The only error of {@code text}, which must be at {@code keyPath}, line and column. */
    private ModelError single(String text, String keyPath, int line, int column) {
        List<ModelError> errors = errors(text);
        assertEquals(1, errors.size(), () -> "expected one error, got\n" + join(errors));
        ModelError e = errors.get(0);
        assertEquals(new ModelError("bad.yaml", line, column, keyPath, e.message()), e);
        return e;
    }

    /** An expected error: key path, line, column and a fragment of its message. */
    private record Expected(String keyPath, int line, int column, String fragment) {
    }

    private static Expected error(String keyPath, int line, int column, String fragment) {
        return new Expected(keyPath, line, column, fragment);
    }

    /** {@code errors} are exactly the expected ones (in any order). */
    private static void assertErrors(List<ModelError> errors, Expected... expected) {
        for (Expected x : expected) {
            assertMentions(at(errors, x.keyPath(), x.line(), x.column()), x.fragment());
        }
        assertEquals(expected.length, errors.size(), () -> join(errors));
    }

    /** The error of {@code errors} at {@code keyPath}; asserts its line and column. */
    private static ModelError at(List<ModelError> errors, String keyPath, int line, int column) {
        ModelError e = errors.stream().filter(x -> x.keyPath().equals(keyPath)).findFirst()
                .orElseThrow(() -> new AssertionError("no error at " + keyPath + " in\n" + join(errors)));
        assertEquals(line, e.line(), e::toString);
        assertEquals(column, e.column(), e::toString);
        return e;
    }

    private static String join(List<ModelError> errors) {
        return errors.stream().map(ModelError::toString).collect(Collectors.joining("\n"));
    }

    private static void assertMentions(ModelError e, String fragment) {
        assertTrue(e.message().contains(fragment), () -> "'" + fragment + "' not in: " + e);
    }

    /** MINIMAL (see ModelLoaderTest) with one class line or tier replaced. */
    private static String withClassLine(String from, String to) {
        String text = ModelLoaderTest.MINIMAL.replace(from, to);
        assertFalse(text.equals(ModelLoaderTest.MINIMAL), "test set-up did not change the model");
        return text;
    }

    // ---- keys ----------------------------------------------------------------------------

    @Test
    void misspeltKeyIsSuggested() {
        // line 5 is "      rate_per_s: 10", the key at column 7
        List<ModelError> errors = errors(withClassLine("rate_per_s: 10", "rate_per_sec: 10"));
        assertErrors(errors,
                error("workload.classes[0].rate_per_sec", 5, 7,
                        "unknown key 'rate_per_sec'; did you mean 'rate_per_s'?"),
                // ... and the class now lacks its rate: reported at the class mapping (line 4, column 7).
                error("workload.classes[0].rate_per_s", 4, 7, "missing rate_per_s"));
    }

    @Test
    void unknownKeyWithoutNearMatchListsTheAllowedKeys() {
        ModelError e = single("colour: blue\n" + ModelLoaderTest.MINIMAL, "colour", 1, 1);
        assertMentions(e, "allowed here: name, title, currency, run, workload, tiers, network, slo");
    }

    @Test
    void duplicateKeyInOneMappingIsRejected() {
        ModelError e = single(withClassLine("rate_per_s: 10\n", "rate_per_s: 10\n      rate_per_s: 20\n"),
                "workload.classes[0].rate_per_s", 6, 7);
        assertMentions(e, "duplicate key 'rate_per_s' (first given at line 5)");
    }

    @Test
    void missingRequiredKeysAreReportedAtTheirMapping() {
        List<ModelError> errors = errors("""
                title: no name
                workload:
                  classes:
                    - rate_per_s: 10
                      steps:
                        - tier: app
                    - name: b
                      rate_per_s: 1
                tiers:
                  - name: app
                """);
        assertErrors(errors,
                error("name", 1, 1, "missing required key 'name'"),
                error("workload.classes[0].name", 4, 7, "missing required key 'name'"),
                error("workload.classes[0].steps[0].service_ms", 6, 11, "missing required key"),
                error("workload.classes[1].steps", 7, 7, "missing required key 'steps'"),
                error("tiers[0].node", 10, 5, ""),
                error("tiers[0].count", 10, 5, ""));
    }

    @Test
    void missingSectionsAreReported() {
        List<ModelError> errors = errors("name: empty\n");
        assertErrors(errors,
                error("workload", 1, 1, "missing required key 'workload'"),
                error("tiers", 1, 1, ""));
    }

    @Test
    void emptyClassListIsRejected() {
        ModelError e = single(ModelLoaderTest.MINIMAL.replaceAll("(?s)  classes:.*tiers:", "  classes: []\ntiers:"),
                "workload.classes", 3, 12);
        assertMentions(e, "at least one");
    }

    @Test
    void stepNeedsATier() {
        single(withClassLine("- tier: app\n", "- repeat: 2\n"), "workload.classes[0].steps[0].tier", 7, 11);
    }

    // ---- types ---------------------------------------------------------------------------

    @Test
    void wrongTypesAreReportedAtTheValue() {
        List<ModelError> errors = errors("""
                name: types
                run: {seed: 1.5, duration_s: long}
                workload:
                  classes:
                    - name: api
                      rate_per_s: [10]
                      steps: {tier: app}
                tiers:
                  - {name: 7, node: t3.small, count: 2.5}
                  - web
                """);
        assertErrors(errors,
                error("run.seed", 2, 13, "expected a whole number, found a fractional number (1.5)"),
                error("run.duration_s", 2, 30, "expected a number, found a string ('long')"),
                error("workload.classes[0].rate_per_s", 6, 19, "expected a number, found a list"),
                error("workload.classes[0].steps", 7, 14, "expected a list, found a mapping"),
                error("tiers[0].name", 9, 12, "expected a string, found a number (7)"),
                error("tiers[0].count", 9, 38, "expected a whole number"),
                error("tiers[1]", 10, 5, "expected a mapping"));
    }

    @Test
    void nullValueIsAWrongType() {
        ModelError e = single(withClassLine("rate_per_s: 10", "rate_per_s:"), "workload.classes[0].rate_per_s", 5,
                18);
        assertMentions(e, "found no value");
    }

    @Test
    void unknownEnumValueIsSuggested() {
        ModelError e = single(ModelLoaderTest.MINIMAL.replace("count: 1}", "count: 1, balancer: round-robin}"),
                "tiers[0].balancer", 10, 53);
        assertMentions(e, "'round-robin' is not one of round_robin, least_connections, random, power_of_two; "
                + "did you mean 'round_robin'?");
    }

    // ---- ranges --------------------------------------------------------------------------

    @Test
    void outOfRangeNumbersAreRejected() {
        List<ModelError> errors = errors("""
                name: ranges
                run: {duration_s: 0, warmup_s: -1, replications: 0}
                workload:
                  classes:
                    - name: api
                      rate_per_s: -5
                      steps:
                        - tier: app
                          service_ms: {dist: exponential, mean: 0}
                          hit_ratio: 1.5
                    - name: batch
                      rate_per_s: 0
                      steps:
                        - tier: app
                          repeat: 0
                          service_ms: {dist: lognormal, mean: 3, cv: -1}
                tiers:
                  - {name: app, node: t3.small, count: 0, workers: 0, queue_limit: -1, timeout_ms: 0}
                network: {hop_ms: -0.5}
                """);
        assertErrors(errors,
                error("run.duration_s", 2, 19, "must be > 0, was 0"),
                error("run.warmup_s", 2, 32, "must be >= 0, was -1"),
                error("run.replications", 2, 50, "must be >= 1, was 0"),
                error("workload.classes[0].rate_per_s", 6, 19, "must be > 0, was -5"),
                error("workload.classes[0].steps[0].service_ms.mean", 9, 49, "must be > 0"),
                error("workload.classes[0].steps[0].hit_ratio", 10, 22, "between 0 and 1, was 1.5"),
                error("workload.classes[1].rate_per_s", 12, 19, "must be > 0, was 0"),
                error("workload.classes[1].steps[0].repeat", 15, 19, "must be >= 1"),
                error("workload.classes[1].steps[0].service_ms.cv", 16, 54, "must be > 0"),
                error("tiers[0].count", 18, 40, ""),
                error("tiers[0].workers", 18, 52, ""),
                error("tiers[0].queue_limit", 18, 68, ""),
                error("tiers[0].timeout_ms", 18, 84, ""),
                error("network.hop_ms", 19, 19, ""));
    }

    @Test
    void distributionParametersAreChecked() {
        List<ModelError> errors = errors("""
                name: dists
                workload:
                  classes:
                    - name: api
                      rate_per_s: 1
                      steps:
                        - {tier: app, service_ms: {dist: uniform, min: 5, max: 2}}
                        - {tier: app, service_ms: {dist: geometric, mean: 0.5}}
                        - {tier: app, service_ms: {dist: pareto, mean: 3, alpha: 1}}
                        - {tier: app, service_ms: {dist: pareto, mean: 3}}
                        - {tier: app, service_ms: {dist: empirical, samples: []}}
                        - {tier: app, service_ms: {dist: empirical, samples: [1, -2]}}
                        - {tier: app, service_ms: {dist: exponential, mean: 2, cv: 1}}
                        - {tier: app, service_ms: {dist: normal, mean: 2}}
                        - {tier: app, service_ms: {dist: gamma, mean: 2}}
                        - {tier: app, service_ms: {dist: weibull, mean: 2, cv: 0.001}}
                tiers:
                  - {name: app, node: t3.small, count: 1}
                """);
        String steps = "workload.classes[0].steps";
        assertErrors(errors,
                error(steps + "[0].service_ms.min", 7, 51, "min (5) must be <= max (2)"),
                error(steps + "[1].service_ms.mean", 8, 59, "must be >= 1, was 0.5"),
                error(steps + "[2].service_ms.alpha", 9, 66, "must be > 1"),
                error(steps + "[3].service_ms", 10, 35, "exactly one of cv or alpha"),
                error(steps + "[4].service_ms.samples", 11, 62, "at least one"),
                error(steps + "[5].service_ms.samples[1]", 12, 66, "must be >= 0, was -2"),
                error(steps + "[6].service_ms.cv", 13, 64, "'cv' does not apply to dist exponential"),
                error(steps + "[7].service_ms.dist", 14, 42, "'normal' is not one of"),
                error(steps + "[8].service_ms.cv", 15, 35, "missing required key 'cv'"),
                error(steps + "[9].service_ms.cv", 16, 64, "must be between 0.002 and 1000"));
    }

    @Test
    void hourlyProfileNeedsTwentyFourNonNegativeMultipliers() {
        List<ModelError> errors = errors(ModelLoaderTest.MINIMAL.replace("workload:\n", """
                workload:
                  profile:
                    kind: hourly
                    multipliers: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, -1]
                """));
        assertErrors(errors,
                error("workload.profile.multipliers", 5, 18, "must have 24 values"),
                error("workload.profile.multipliers[22]", 5, 85, "must be >= 0"));
    }

    @Test
    void peakProfileChecksItsHoursAndKeys() {
        List<ModelError> errors = errors(ModelLoaderTest.MINIMAL.replace("workload:\n", """
                workload:
                  profile: {kind: peak, from: "25:00", to: 9, factor: 2, multipliers: [1]}
                """));
        assertErrors(errors,
                error("workload.profile.from", 3, 31, "an hour of the day"),
                error("workload.profile.multipliers", 3, 58, "does not apply to kind peak"));
        ModelError e = single(ModelLoaderTest.MINIMAL.replace("workload:\n", """
                workload:
                  profile: {kind: peak, from: 8, to: "08:00", factor: 2}
                """), "workload.profile.to", 3, 34);
        assertMentions(e, "the peak window is empty");
    }

    @Test
    void openAndClosedClassesAreExclusive() {
        List<ModelError> errors = errors(withClassLine("rate_per_s: 10\n",
                "rate_per_s: 10\n      users: 5\n      think_s: 2\n"));
        assertErrors(errors,
                error("workload.classes[0].users", 6, 7, "not both"));
        ModelError e = single(withClassLine("rate_per_s: 10\n", "rate_per_s: 10\n      think_s: 2\n"),
                "workload.classes[0].think_s", 6, 7);
        assertMentions(e, "applies only to a closed class");
    }

    @Test
    void closedClassNeedsAPositiveThinkTime() {
        // users with no think time would ask again at once, forever
        ModelError missing = single(withClassLine("rate_per_s: 10\n", "users: 5\n"),
                "workload.classes[0].think_s", 4, 7); // reported at the class that lacks it
        assertMentions(missing, "think_s");
        single(withClassLine("rate_per_s: 10\n", "users: 5\n      think_s: 0\n"),
                "workload.classes[0].think_s", 6, 16);
    }

    // ---- names and references ------------------------------------------------------------

    @Test
    void modelNameMustBeLowerCaseDashes() {
        ModelError e = single(ModelLoaderTest.MINIMAL.replace("name: minimal", "name: Stars_100K"), "name", 1, 7);
        assertMentions(e, "lower-case letters, digits and '-'");
    }

    @Test
    void duplicateTierAndClassNamesAreRejected() {
        List<ModelError> errors = errors("""
                name: dup
                workload:
                  classes:
                    - {name: api, rate_per_s: 1, steps: [{tier: app, service_ms: {dist: exponential, mean: 1}}]}
                    - {name: api, rate_per_s: 1, steps: [{tier: app, service_ms: {dist: exponential, mean: 1}}]}
                tiers:
                  - {name: app, node: t3.small, count: 1}
                  - {name: app, node: t3.small, count: 1}
                """);
        assertErrors(errors,
                error("workload.classes[1].name", 5, 14, "duplicate class name 'api' (first at line 4)"),
                error("tiers[1].name", 8, 12, "duplicate tier name 'app' (first at line 7)"));
    }

    @Test
    void referencesToMissingTiersAreReportedWithSuggestion() {
        List<ModelError> errors = errors("""
                name: refs
                workload:
                  classes:
                    - {name: api, rate_per_s: 1, steps: [{tier: dbb, service_ms: {dist: exponential, mean: 1}}]}
                  websocket:
                    tier: sockets
                    connections: 10
                    messages_per_s: 1
                    fanout: {dist: geometric, mean: 3}
                    send_ms: {dist: deterministic, mean: 0.02}
                    pubsub_tier: redis
                    pubsub_ms: {dist: exponential, mean: 0.1}
                tiers:
                  - {name: db, node: t3.small, count: 1}
                """);
        assertErrors(errors,
                error("workload.classes[0].steps[0].tier", 4, 49, "no tier named 'dbb'; did you mean 'db'?"),
                error("workload.websocket.tier", 6, 11, "no tier named 'sockets'"),
                error("workload.websocket.pubsub_tier", 11, 18, "no tier named 'redis'"));
    }

    @Test
    void pubsubTierNeedsItsServiceTime() {
        String ws = """
                  websocket:
                    tier: app
                    connections: 10
                    messages_per_s: 1
                    fanout: {dist: geometric, mean: 3}
                    send_ms: {dist: deterministic, mean: 0.02}
                    pubsub_tier: app
                tiers:
                """;
        ModelError e = single(ModelLoaderTest.MINIMAL.replace("tiers:\n", ws), "workload.websocket.pubsub_tier", 15,
                5);
        assertMentions(e, "come together");
    }

    @Test
    void unknownNodeTypeSuggestsTheNearestCatalogName() {
        ModelError e = single(ModelLoaderTest.MINIMAL.replace("t3.small", "t3.smal"), "tiers[0].node", 10, 23);
        assertMentions(e, "unknown node type 't3.smal'; did you mean 't3.small'?");
    }

    @Test
    void customNodeNeedsItsOwnSizeAndPrice() {
        List<ModelError> errors = errors(ModelLoaderTest.MINIMAL.replace("node: t3.small", "node: custom, vcpu: 4"));
        assertErrors(errors,
                error("tiers[0].memory_gb", 10, 5, ""),
                error("tiers[0].hourly_usd", 10, 5, ""));
        ModelError e = single(ModelLoaderTest.MINIMAL.replace("count: 1}", "count: 1, hourly_usd: 0.1}"),
                "tiers[0].hourly_usd", 10, 43);
        assertMentions(e, "applies only to node: custom");
    }

    @Test
    void onMissNeedsHitRatio() {
        ModelError e = single(withClassLine("mean: 5}\n", """
                mean: 5}
                          on_miss:
                            - {tier: app, service_ms: {dist: exponential, mean: 1}}
                """), "workload.classes[0].steps[0].on_miss", 9, 11);
        assertMentions(e, "on_miss needs hit_ratio");
    }

    @Test
    void missingTraceFileIsReported() {
        ModelError e = single(withClassLine("rate_per_s: 10\n", "rate_per_s: 10\n      arrival: {kind: trace, "
                + "file: no-such-trace.csv}\n"), "workload.classes[0].arrival.file", 6, 36);
        assertMentions(e, "trace file 'no-such-trace.csv' not found");
    }

    @Test
    void mmppNeedsItsParameters() {
        List<ModelError> errors = errors(withClassLine("rate_per_s: 10\n",
                "rate_per_s: 10\n      arrival: {kind: mmpp, high_factor: 3, high_share: 1}\n"));
        assertErrors(errors,
                error("workload.classes[0].arrival.high_share", 6, 57, "exclusive"),
                error("workload.classes[0].arrival.mean_high_s", 6, 16, "missing required key"));
    }

    // ---- slo -----------------------------------------------------------------------------

    @Test
    void sloTargetsAreChecked() {
        List<ModelError> errors = errors(ModelLoaderTest.MINIMAL + """
                slo:
                  - {metric: classes.api.latency_ms.p99, max: 200, min: 1}
                  - {metric: classes.api.latency_ms.p99}
                  - {metric: classes.api.latency.p99, max: 200}
                  - {metric: tiers.web.utilization, max: 0.8}
                  - {metric: websocket.delivery_ms.p99, max: 100}
                  - {metric: cost.monthly_local, max: 100}
                """);
        assertErrors(errors,
                error("slo[0]", 12, 5, "exactly one of max"),
                error("slo[1]", 13, 5, "exactly one of max"),
                error("slo[2].metric", 14, 6, "not a number of summary.json for this model (such as "
                        + "classes.NAME.latency_ms.p99, tiers.NAME.utilization, uptime.ratio); "
                        + "did you mean 'classes.api.latency_ms.p99'?"),
                error("slo[3].metric", 15, 6, "did you mean 'tiers.app.utilization'?"),
                error("slo[4].metric", 16, 6, "needs a workload.websocket section"),
                error("slo[5].metric", 17, 6, "needs a currency section"));
    }

    // ---- many at once --------------------------------------------------------------------

    @Test
    void everyErrorOfAFileIsReportedInFileOrder() {
        List<ModelError> errors = errors("""
                name: Bad Name
                run: {replications: 0}
                workload:
                  classes:
                    - name: api
                      rate_per_sec: 10
                      steps:
                        - tier: ap
                          service_ms: {dist: lognormal, mean: 8, cv: -1}
                tiers:
                  - {name: app, node: t3.meduim, count: 0}
                """);
        assertEquals(List.of("name", "run.replications", "workload.classes[0].rate_per_s",
                        "workload.classes[0].rate_per_sec", "workload.classes[0].steps[0].tier",
                        "workload.classes[0].steps[0].service_ms.cv", "tiers[0].node", "tiers[0].count"),
                errors.stream().map(ModelError::keyPath).toList());
        assertEquals(List.of(1, 2, 5, 6, 8, 9, 11, 11), errors.stream().map(ModelError::line).toList());
        ModelException ex = assertThrows(ModelException.class, () -> loader.parse("name: x\n", "m.yaml"));
        assertTrue(ex.getMessage().contains("m.yaml:1:1: workload: missing required key 'workload'")
                && ex.getMessage().contains("m.yaml:1:1: tiers: missing required key 'tiers'"), ex.getMessage());
    }
}
