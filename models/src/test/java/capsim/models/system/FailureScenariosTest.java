package capsim.models.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import capsim.models.catalog.Catalog;
import capsim.models.failure.FailureMode;
import capsim.models.failure.FailureModes;
import capsim.models.load.ModelException;
import capsim.models.load.ModelLoader;
import capsim.models.spec.ModelSpec;
import capsim.models.spec.RunSpec;
import capsim.models.system.ReplicationResult.ScenarioResult;
import capsim.models.system.ReplicationResult.WindowRow;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The failure scenarios of a replication: one block of windows per mode, long outages simulated shorter. */
class FailureScenariosTest {
    private static final String MODEL = """
            name: scenarios
            run: {duration_s: 600, warmup_s: 60, replications: 1, seed: 3}
            workload:
              classes:
                - name: api
                  rate_per_s: 20
                  steps:
                    - tier: app
                      service_ms: {dist: exponential, mean: 20}
                    - tier: db
                      service_ms: {dist: exponential, mean: 5}
            tiers:
              - name: app
                node: t3.medium
                count: 2
                failures: {mtbf_h: 100, mttr_s: 100}
              - name: db
                node: db.t3.medium
                count: 1
                managed: {kind: database, mtbf_h: 1000, recovery_s: 600}
            network: {hop_ms: 0}
            """;

    private static ModelSpec model() throws ModelException {
        return new ModelLoader(Catalog.builtIn()).parse(MODEL, "scenarios.yaml");
    }

    private static List<ScenarioResult> scenarios(ModelSpec model, int steadyKept) {
        return Accounting.checked(new ModelRunner(model).run(0, mode -> new FailureScenarios.Shape(steadyKept, true))).scenarios();
    }

    /*
     * A run shorter than uptime.window_s has windows as long as the run (30 s here); the
     * scenarios use the same windows: the app node's block, struck at phase u in (0, 30) with a
     * 100 s effect, is ceil((u + 100) / 30) + 1 = 5 or 6 windows of 30 s.
     */
    @Test
    void scenariosUseTheRunsWindows() throws ModelException {
        ModelSpec model = model().withRun(new RunSpec(30, 60, 1, 3));
        ReplicationResult r = Accounting.checked(new ModelRunner(model).run(0));

        assertEquals(30, r.windowS(), 0);
        List<WindowRow> app = r.scenarios().get(0).windows();
        assertTrue(app.size() == 5 || app.size() == 6, () -> app.size() + " windows");
        for (int i = 1; i < app.size(); i++) {
            assertEquals(30, app.get(i).startS() - app.get(i - 1).startS(), 1e-9);
        }
    }

    /** Failed requests / requests over windows, each window counted with its weight. */
    private static double weightedErrorRatio(ScenarioResult s) {
        double errors = 0;
        double all = 0;
        for (int i = 0; i < s.windows().size(); i++) {
            WindowRow w = s.windows().get(i);
            var api = w.classes().get("api");
            errors += s.weights().get(i) * api.errors();
            all += s.weights().get(i) * (api.errors() + api.count());
        }
        return errors / all;
    }

    /*
     * The database is replaced in 600 s. Struck at phase u in (0, 60) of its first window, the
     * effect touches ceil((u + 600) / 60) = 11 windows, plus the tail window: 12. Its outage is
     * steady at once (clients keep using the endpoint: no detection), so windows 1 .. 9 lie
     * wholly inside it: 9 steady windows, 3 kept standing for 3 each, the outage cut 6 windows
     * (360 s) short: 6 windows simulated, weights 1, 3, 3, 3, 1, 1.
     * The app node (outage 100 s, detected after 45 s) touches ceil((u + 100) / 60) + 1 = 3 or 4
     * windows and has at most one steady window: nothing is cut.
     */
    @Test
    void aLongOutageIsSimulatedShorterAndItsSteadyWindowsWeighted() throws ModelException {
        ModelSpec model = model();
        List<ScenarioResult> cut = scenarios(model, 3);
        List<ScenarioResult> full = scenarios(model, 100);

        assertEquals(List.of("node down: app", "database replacement: db"), cut.stream().map(ScenarioResult::name)
                .toList());
        assertEquals(full.get(0).windows(), cut.get(0).windows(), "the first block is the same run up to its end");
        ScenarioResult db = cut.get(1);
        assertEquals(List.of(1.0, 3.0, 3.0, 3.0, 1.0, 1.0), db.weights());
        assertEquals(12, full.get(1).windows().size());
        assertEquals(full.get(1).weights().stream().mapToDouble(Double::doubleValue).sum(),
                db.weights().stream().mapToDouble(Double::doubleValue).sum(), 0);
        // every request fails while the database is down, in the full and in the cut scenario:
        // the weighted error ratios agree (both about 600 s of 720 s failing, the first and last
        // windows partly)
        assertEquals(weightedErrorRatio(full.get(1)), weightedErrorRatio(db), 0.01);
        assertEquals(1 / 3_600_600.0, db.ratePerS(), 1e-18);
    }

    /*
     * By default the database's outage is down for certain: every request needs the database, so
     * p = 1 of them fail against the 1% allowed, with n = 20/s x 60 s / 4 = 300 a window:
     * the Chernoff bound is exp(-300 D(0.01 || 1)) = 0. None of its 9 steady windows is simulated
     * (they count as 9 down windows), and with no survivor left and no cold cache, no backlog
     * window follows the repair: the block is the strike window and the repair window.
     * The full simulation confirms the certainty: each of its 9 steady windows failed every request.
     */
    @Test
    void anOutageDownForCertainSimulatesOnlyItsEdges() throws ModelException {
        ModelSpec model = model();
        ScenarioResult db = Accounting.checked(new ModelRunner(model).run(0)).scenarios().get(1);
        ScenarioResult full = scenarios(model, 100).get(1);

        assertEquals(List.of(1.0, 1.0), db.weights());
        assertEquals(9, db.downWindows(), 0);
        assertEquals(11, db.touchedWindows(), 0);
        for (int i = 1; i <= 9; i++) {
            var api = full.windows().get(i).classes().get("api");
            assertEquals(0, api.count(), "window " + i);
            assertTrue(api.errors() > 1000, () -> api.errors() + " errors");
        }
    }

    /*
     * The app node (outage 100 s, detected after 45 s) leaves one survivor at 0.2 (below): stable,
     * no steady window to cut, and at most 0.9 busy, so no backlog window either: the block is
     * ceil((u + 100) / 60) = 2 or 3 windows.
     */
    @Test
    void aLightlyLoadedSurvivorLeavesNoBacklogWindow() throws ModelException {
        ScenarioResult app = Accounting.checked(new ModelRunner(model()).run(0)).scenarios().get(0);

        assertTrue(app.windows().size() == 2 || app.windows().size() == 3, () -> app.windows().size() + " windows");
        assertEquals(0, app.downWindows(), 0);
    }

    /*
     * Offered load (utilisation law): app 20/s x 20 ms = 0.4 server-s/s on 2 nodes x 2 vCPU = 0.1;
     * with one node down 0.4 / 2 = 0.2 < 0.9: stable, 1 window kept, no backlog window. With
     * 150 ms of app work: 3.0 / 4 = 0.75, one node down 3.0 / 2 = 1.5 >= 1: the survivor's backlog
     * grows, 3 kept and the backlog window. With 110 ms: 2.2 / 2 = 1.1 >= 1 too; with 100 ms,
     * 2.0 / 4 = 0.5 and 2.0 / 2 = 1.0: at the limit, overloaded. With 95 ms, 1.9 / 2 = 0.95: stable
     * but above 0.9, so the backlog window is kept. The single database leaves no survivor and is
     * down for certain: nothing of its steady state is simulated, and nothing follows its repair.
     */
    @Test
    void theDegradedStateDecidesHowABlockIsSimulated() throws ModelException {
        assertEquals(List.of(new FailureScenarios.Shape(1, false), new FailureScenarios.Shape(0, false)), shapes(20));
        assertEquals(List.of(new FailureScenarios.Shape(3, true), new FailureScenarios.Shape(0, false)), shapes(150));
        assertEquals(new FailureScenarios.Shape(3, true), shapes(100).get(0));
        assertEquals(new FailureScenarios.Shape(1, true), shapes(95).get(0));
    }

    private static List<FailureScenarios.Shape> shapes(int appMs) throws ModelException {
        ModelSpec m = new ModelLoader(Catalog.builtIn()).parse(MODEL.replace("mean: 20}", "mean: " + appMs + "}"),
                "m.yaml");
        Function<FailureMode, FailureScenarios.Shape> shapes = FailureScenarios.shapes(m, Catalog.builtIn());
        return FailureModes.of(m).stream().map(shapes).toList();
    }

    /*
     * A class that needs the lost database in only 0.5% of its requests (a cache hit ratio of
     * 0.995) fails fewer than the 1% it may: its windows are not down for certain. At 50%, they
     * are. Chernoff by hand: D(0.01 || 0.5) = 0.01 ln(0.02) + 0.99 ln(1.98) = 0.63716, so with
     * n = 100, exp(-63.716) = 2.1e-28; with n = 10, exp(-6.3716) = 1.7e-3, not certain.
     */
    @Test
    void certaintyNeedsMoreFailuresThanAllowedAndEnoughRequests() throws ModelException {
        String cached = MODEL.replace("""
                    - tier: db
                      service_ms: {dist: exponential, mean: 5}
            """, """
                    - tier: app
                      service_ms: {dist: exponential, mean: 1}
                      hit_ratio: HIT
                      on_miss:
                        - tier: db
                          service_ms: {dist: exponential, mean: 5}
            """);
        FailureMode db = FailureModes.of(model()).get(1);
        ModelSpec rare = new ModelLoader(Catalog.builtIn()).parse(cached.replace("HIT", "0.995"), "rare.yaml");
        ModelSpec half = new ModelLoader(Catalog.builtIn()).parse(cached.replace("HIT", "0.5"), "half.yaml");

        assertEquals(false, FailureScenarios.certainlyDown(db, rare));
        assertEquals(true, FailureScenarios.certainlyDown(db, half));
        assertEquals(2.1e-28, FailureScenarios.chernoff(100, 0.01, 0.5), 0.05e-28);
        assertEquals(1.7e-3, FailureScenarios.chernoff(10, 0.01, 0.5), 0.05e-3);
    }

    /*
     * Deal: 2 modes over 3 replications. Their blocks with the strike mid-window (u = 30 s): the
     * app node ceil(130 / 60) = 3 windows; the database 2 (its 9 steady windows down for certain).
     * The longer app block goes first, to the emptiest replications (all empty: lowest index
     * first). By default (strikes: 1) app goes to 0 and the database to 1, and 2 strikes nothing.
     * With strikes: 2, app goes to 0 and 1, leaving loads 3, 3, 0, and the database to the
     * emptiest two, 2 then 0 (a tie with 1, broken by the index). With strikes: 5 and 3
     * replications, every replication strikes every mode. Replications that precision stopping
     * adds (3, 4, 5, ...) strike as replication 0, 1, 2, ... do.
     */
    @Test
    void eachModeStrikesInAsManyReplicationsAsAsked() throws ModelException {
        ModelSpec once = model().withRun(new RunSpec(600, 60, 3, 3));
        assertEquals(List.of("node down: app"), names(once, 0));
        assertEquals(List.of("database replacement: db"), names(once, 1));
        assertEquals(List.of(), names(once, 2));
        assertEquals(List.of("node down: app"), names(once, 3));
        assertEquals(List.of("database replacement: db"), names(once, 4));
        assertEquals(List.of(), names(once, 5));
        assertEquals(List.of("node down: app"), names(once, 6));

        ModelSpec twice = withStrikes(2);
        assertEquals(List.of("node down: app", "database replacement: db"), names(twice, 0));
        assertEquals(List.of("node down: app"), names(twice, 1));
        assertEquals(List.of("database replacement: db"), names(twice, 2));
        assertEquals(List.of("node down: app"), names(twice, 4));

        ModelSpec all = withStrikes(5);
        for (int r = 0; r < 3; r++) {
            assertEquals(List.of("node down: app", "database replacement: db"), names(all, r));
        }
    }

    private static ModelSpec withStrikes(int strikes) throws ModelException {
        return new ModelLoader(Catalog.builtIn()).parse(MODEL.replace("replications: 1", "replications: 3")
                + "uptime: {strikes: " + strikes + "}\n", "strikes.yaml");
    }

    private static List<String> names(ModelSpec model, int replication) {
        Function<FailureMode, FailureScenarios.Shape> shapes = FailureScenarios.shapes(model, Catalog.builtIn());
        return FailureScenarios.dealt(model, replication, 60, shapes).stream().map(FailureMode::name).toList();
    }
}
