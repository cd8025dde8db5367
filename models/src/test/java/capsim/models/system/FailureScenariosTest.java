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
import java.util.function.ToIntFunction;
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
        return new ModelRunner(model).run(0, mode -> steadyKept).scenarios();
    }

    /*
     * A run shorter than uptime.window_s has windows as long as the run (30 s here); the
     * scenarios use the same windows: the app node's block, struck at phase u in (0, 30) with a
     * 100 s effect, is ceil((u + 100) / 30) + 1 = 5 or 6 windows of 30 s.
     */
    @Test
    void scenariosUseTheRunsWindows() throws ModelException {
        ModelSpec model = model().withRun(new RunSpec(30, 60, 1, 3));
        ReplicationResult r = new ModelRunner(model).run(0);

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
     * By default a stable degraded state keeps one steady window. Every request fails while the
     * database is down, so that state is stable: of the 9 steady windows, 1 is simulated standing
     * for 9 (weights 1, 9, 1, 1), and the weighted error ratio agrees with the full 12 windows as
     * closely as with 3 kept (same tolerance as above, same reason).
     */
    @Test
    void aStableOutageKeepsOneSteadyWindow() throws ModelException {
        ModelSpec model = model();
        ScenarioResult db = new ModelRunner(model).run(0).scenarios().get(1);
        ScenarioResult full = scenarios(model, 100).get(1);

        assertEquals(List.of(1.0, 9.0, 1.0, 1.0), db.weights());
        assertEquals(weightedErrorRatio(full), weightedErrorRatio(db), 0.01);
    }

    /*
     * Offered load (utilisation law): app 20/s x 20 ms = 0.4 server-s/s on 2 nodes x 2 vCPU = 0.1;
     * with one node down 0.4 / 2 = 0.2 < 1: stable, 1 window kept. With 150 ms of app work: 3.0 / 4
     * = 0.75, one node down 3.0 / 2 = 1.5 >= 1: the survivor's backlog grows, 3 kept. The single
     * database leaves no survivor (every visit fails at once, nothing queues): stable either way.
     */
    @Test
    void overloadedSurvivorsKeepThreeSteadyWindows() throws ModelException {
        ModelSpec light = model();
        ModelSpec heavy = new ModelLoader(Catalog.builtIn()).parse(MODEL.replace("mean: 20}", "mean: 150}"),
                "heavy.yaml");
        List<FailureMode> modes = FailureModes.of(light);

        ToIntFunction<FailureMode> lightKept = FailureScenarios.steadyKept(light, Catalog.builtIn());
        ToIntFunction<FailureMode> heavyKept = FailureScenarios.steadyKept(heavy, Catalog.builtIn());
        assertEquals(List.of(1, 1), modes.stream().map(lightKept::applyAsInt).toList());
        assertEquals(List.of(3, 1), FailureModes.of(heavy).stream().map(heavyKept::applyAsInt).toList());
    }
}
