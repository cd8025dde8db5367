package capsim.models.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import capsim.models.catalog.Catalog;
import capsim.models.failure.FailureMode;
import capsim.models.failure.FailureModes;
import capsim.models.failure.Fleet;
import capsim.models.load.ModelException;
import capsim.models.load.ModelLoader;
import capsim.models.spec.ModelSpec;
import capsim.models.system.FailureScenarios.Judge;
import capsim.models.system.FailureScenarios.Shape;
import capsim.models.system.FailureScenarios.Spans;
import capsim.models.system.ReplicationResult.ScenarioResult;
import capsim.models.system.ReplicationResult.WindowClass;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The compressed blocks of the uptime scenarios against the same blocks simulated whole: a
 * replaced node's short-handed span, a cold cache's refill, and a degraded state judged by the
 * nodes in service when the failure strikes.
 */
class CompressedScenarioTest {
    /*
     * Offered load (utilisation law): app 400/s x 10 ms = 4 server-s/s. The file says 4 nodes
     * (1.0: overloaded), the schedule runs 2 x 4 = 8 (0.5). db: 400/s x 0.2 misses x 4 ms = 0.32 of
     * its 2 workers (0.16); with the one cache node cold, 400/s x 4 ms = 1.6: 0.8.
     */
    private static final String MODEL = """
            name: compressed
            run: {duration_s: 60, warmup_s: 240, replications: 1, seed: 7}
            workload:
              classes:
                - name: api
                  rate_per_s: 400
                  steps:
                    - {tier: app, service_ms: {dist: exponential, mean: 10}}
                    - tier: cache
                      service_ms: {dist: exponential, mean: 0.1}
                      hit_ratio: 0.8
                      on_miss:
                        - {tier: db, service_ms: {dist: exponential, mean: 4}}
            tiers:
              - name: app
                node: custom
                vcpu: 1
                memory_gb: 2
                hourly_usd: 0.05
                count: 4
                workers: 1
                balancer: power_of_two
                boot_s: 200
                failures: {mtbf_h: 720, mttr_s: 900, detect_s: 5}
                autoscale: {policy: scheduled, schedule: [{from: "00:00", to: "12:00", factor: 2}]}
              - {name: cache, node: custom, vcpu: 1, memory_gb: 2, hourly_usd: 0.1, count: 1, balancer: round_robin,
                 managed: {kind: cache, multi_az: false, mtbf_h: 2000, recovery_s: 30, refill_s: 300}}
              - {name: db, node: custom, vcpu: 2, memory_gb: 8, hourly_usd: 0.2, count: 1, workers: 2, balancer: random}
            network: {hop_ms: 0}
            uptime: {window_s: 5}
            """;

    private static ModelSpec model() throws ModelException {
        return new ModelLoader(Catalog.builtIn()).parse(MODEL, "compressed.yaml");
    }

    /** The model's own judge, its spans replaced by {@code spans}. */
    private static Judge judge(ModelSpec model, Spans spans) {
        Judge own = FailureScenarios.judge(model, Catalog.builtIn());
        return new Judge() {
            @Override
            public Shape shape(FailureMode mode, Fleet fleet) {
                return own.shape(mode, fleet);
            }

            @Override
            public Spans spans(FailureMode mode, Fleet fleet) {
                return spans;
            }

            @Override
            public Shape bound(FailureMode mode) {
                return own.bound(mode);
            }

            @Override
            public Spans boundSpans(FailureMode mode) {
                return Spans.WHOLE;
            }
        };
    }

    private static List<ScenarioResult> scenarios(ModelSpec model, Spans spans) {
        var shapes = FailureScenarios.shapes(model, Catalog.builtIn());
        return Accounting.checked(new ModelRunner(model).run(0, shapes, judge(model, spans))).scenarios();
    }

    /** A fleet of {@code app} app nodes and one node of every other tier. */
    private static Fleet fleet(int app) {
        return new Fleet() {
            @Override
            public int inService(String tier) {
                return tier.equals("app") ? app : 1;
            }

            @Override
            public int inService(String tier, String zone) {
                return inService(tier);
            }
        };
    }

    /*
     * A node of app is replaced (scheduled group: noticed at detect_s), so its tier has as many
     * nodes once settled as when struck. On the file's 4 nodes that is 4 at 1.0: overloaded, 3
     * windows kept and the backlog window. On 6 in service, 4 x 1.0 / 6 = 0.667: stable, no
     * backlog window; the same on 8 (0.5). The cache's node, 1 of 1, comes back cold: db at 0.8
     * at most, so the refill may be compressed; with db's service 5 ms it would be 1.0.
     */
    @Test
    void theDegradedStateIsJudgedOnTheNodesInService() throws ModelException {
        ModelSpec model = model();
        Judge judge = FailureScenarios.judge(model, Catalog.builtIn());
        FailureMode app = FailureModes.of(model).get(0);
        FailureMode cache = FailureModes.of(model).get(1);

        assertEquals(new Shape(3, true), judge.shape(app, Fleet.of(model)));
        assertEquals(new Shape(1, false), judge.shape(app, fleet(6)));
        assertEquals(new Shape(1, false), judge.shape(app, fleet(8)));
        assertEquals(1.0, FailureScenarios.survivorUtilization(app, model, java.util.Map.of("app", 1.0), fleet(4)),
                1e-12);
        assertEquals(0.5, FailureScenarios.survivorUtilization(app, model, java.util.Map.of("app", 1.0), fleet(8)),
                1e-12);
        assertEquals(new Spans(FailureScenarios.SHORT_HANDED_KEPT, FailureScenarios.REFILL_STEP),
                judge.spans(cache, fleet(8)));
        // db made slower: 400/s x 5 ms / 2 = 1.0 with the cache cold: its refill is simulated whole
        ModelSpec slowDb = new ModelLoader(Catalog.builtIn()).parse(MODEL.replace("mean: 4}", "mean: 5}"),
                "slow.yaml");
        assertEquals(0.0, FailureScenarios.judge(slowDb, Catalog.builtIn())
                .spans(FailureModes.of(slowDb).get(1), fleet(8)).refillStep(), 0);
    }

    /*
     * In the run the schedule has 8 app nodes in service when the scenarios start (launched at 0,
     * booted by 200 s, before the 240 s warm-up ends): the block of the app node is laid out as
     * stable without a backlog window (the file's 4 would call it overloaded and add one).
     * Struck at phase u in (0, 5): detected at u + 5, its replacement in service at u + 205 and
     * settled one window later: the effect touches ceil((u + 210) / 5) = 43 windows. The
     * short-handed span (windows wholly between u + 5 and u + 205) is 39 windows; 3 are
     * simulated, standing for 13 each, the replacement booting 36 windows (180 s) faster: 7 windows.
     */
    @Test
    void theShortHandedSpanIsSimulatedShorter() throws ModelException {
        ModelSpec model = model();
        ScenarioResult cut = scenarios(model, new Spans(3, 0)).get(0);
        ScenarioResult whole = scenarios(model, Spans.WHOLE).get(0);

        assertEquals("node down: app", cut.name());
        assertEquals(43, whole.windows().size());
        assertEquals(List.of(1.0, 1.0, 13.0, 13.0, 13.0, 1.0, 1.0), cut.weights());
        assertEquals(7.0, whole.windows().get(10).tierNodes().get("app"), 1e-9, "7 in service, 1 booting");
        // the span's windows are alike: the 3 kept windows' mean latency is the whole span's within
        // the noise of the means of 3 and of 39 windows (their spread measured on the whole span)
        int first = 2;
        List<Double> span = new ArrayList<>();
        for (int i = first; i < first + 39; i++) {
            span.add(whole.windows().get(i).classes().get("api").meanMs());
        }
        double spanMean = mean(span);
        double sd = sd(span);
        double keptMean = mean(List.of(meanMs(cut, 2), meanMs(cut, 3), meanMs(cut, 4)));
        assertEquals(spanMean, keptMean, 3 * sd * Math.sqrt(1.0 / 3 + 1.0 / 39),
                "kept " + keptMean + " ms against the span's " + spanMean + " ms (sd " + sd + ")");
        // the windows around the span (strike, detection, replacement, settling) are simulated alike
        assertEquals(weightedErrors(whole), weightedErrors(cut), 3 * Math.sqrt(weightedErrors(whole) + 1));
        assertEquals(weightSum(whole), weightSum(cut), 0);
    }

    /*
     * The cache is lost for 30 s and comes back empty; its hit ratio climbs back as
     * 0.8 (1 - exp(-t ln 20 / 300)). The refill windows lie wholly inside the 300 s after the
     * repair: 59 or 60. A kept window stands for the later ones whose missing share
     * exp(-t ln 20 / 300) is at most 0.05 below its own, and the next kept window takes the refill
     * on to where its window starts. Each kept window is checked against the window of the whole
     * refill it stands at (the same state, independent noise), and against the later ones it
     * stands for, which can only be better (fewer misses): the compression is conservative.
     */
    @Test
    void aColdCachesRefillIsSimulatedShorterAndConservatively() throws ModelException {
        ModelSpec model = model();
        ScenarioResult cut = scenarios(model, new Spans(0, FailureScenarios.REFILL_STEP)).get(1);
        ScenarioResult whole = scenarios(model, Spans.WHOLE).get(1);

        assertEquals("cache lost: cache", cut.name());
        assertEquals(weightSum(whole), weightSum(cut), 0);
        int first = firstWeighted(cut);
        assertTrue(first > 0 && cut.windows().size() < whole.windows().size() - 30,
                cut.windows().size() + " windows against " + whole.windows().size());
        // the noise of one window's mean latency: the spread of the whole refill's last 20 windows
        // about their own trend (neighbouring differences / sqrt 2)
        List<Double> diffs = new ArrayList<>();
        int end = whole.windows().size() - 3;
        for (int i = end - 20; i < end; i++) {
            diffs.add((meanMs(whole, i + 1) - meanMs(whole, i)) / Math.sqrt(2));
        }
        double noise = Math.sqrt(diffs.stream().mapToDouble(d -> d * d).average().orElseThrow());
        // after the refill windows come the one its end falls in and the backlog window
        int kept = cut.windows().size() - first - 2;
        int refill = whole.windows().size() - first - 2;
        double keptWeighted = 0;
        double wholeWeighted = 0;
        int original = first;
        for (int j = first; j < first + kept; j++) {
            int span = (int) Math.round(cut.weights().get(j));
            double window = meanMs(cut, j);
            assertEquals(meanMs(whole, original), window, 4 * noise * Math.sqrt(2),
                    "kept window " + j + " stands at window " + original);
            double stoodFor = 0;
            for (int i = original; i < original + span; i++) {
                stoodFor += meanMs(whole, i);
            }
            assertTrue(window >= stoodFor / span - 4 * noise * Math.sqrt(1 + 1.0 / span),
                    "window " + j + ": " + window + " ms for " + span + " windows averaging " + stoodFor / span);
            keptWeighted += window * span;
            wholeWeighted += stoodFor;
            original += span;
        }
        assertEquals(first + refill, original, "the kept windows stand for every refill window");
        // over the refill the compressed block's latency is at least the whole one's (conservative)
        assertTrue(keptWeighted >= wholeWeighted - 4 * noise * Math.sqrt(original - first),
                keptWeighted + " against " + wholeWeighted);
    }

    private static int firstWeighted(ScenarioResult s) {
        for (int i = 0; i < s.weights().size(); i++) {
            if (s.weights().get(i) > 1) {
                return i;
            }
        }
        return -1;
    }

    private static double meanMs(ScenarioResult s, int window) {
        return s.windows().get(window).classes().get("api").meanMs();
    }

    private static double weightedErrors(ScenarioResult s) {
        double errors = 0;
        for (int i = 0; i < s.windows().size(); i++) {
            WindowClass api = s.windows().get(i).classes().get("api");
            errors += s.weights().get(i) * api.errors();
        }
        return errors;
    }

    private static double weightSum(ScenarioResult s) {
        return s.weights().stream().mapToDouble(Double::doubleValue).sum();
    }

    private static double mean(List<Double> xs) {
        return xs.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    private static double sd(List<Double> xs) {
        double m = mean(xs);
        return Math.sqrt(xs.stream().mapToDouble(x -> (x - m) * (x - m)).sum() / (xs.size() - 1));
    }
}
