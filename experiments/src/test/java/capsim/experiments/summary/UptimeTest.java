package capsim.experiments.summary;

import static capsim.experiments.Fixtures.max;
import static capsim.experiments.Fixtures.min;
import static org.junit.jupiter.api.Assertions.assertEquals;

import capsim.experiments.Fixtures;
import capsim.models.spec.ModelSpec;
import capsim.models.spec.SloSpec;
import capsim.models.system.ReplicationResult;
import capsim.models.system.ReplicationResult.ScenarioResult;
import capsim.models.system.ReplicationResult.WindowClass;
import capsim.models.system.ReplicationResult.WindowRow;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/*
 * Six hand-made 60 s windows, two replications, against api p99 <= 100 ms, db p99 <= 50 ms,
 * websocket p99 <= 100 ms (and uptime.ratio >= 0.9, which uptime itself must ignore):
 *   r0 w0  all fine                                   up
 *   r0 w1  api p99 150 ms                             down
 *   r0 w2  api 2 errors of 100 requests (2% > 1%)      down (default error criterion)
 *   r1 w0  db p99 60 ms                               down
 *   r1 w1  websocket p99 120 ms                       down
 *   r1 w2  api 1 error of 101 requests (0.99%)         up
 * -> 2 of 6 windows up.
 */
class UptimeTest {
    private static final List<SloSpec> TARGETS = List.of(max("classes.api.latency_ms.p99", 100),
            max("tiers.db.latency_ms.p99", 50), max("websocket.delivery_ms.p99", 100), min("uptime.ratio", 0.9));

    @Test
    void fractionOfWindowsInWhichEveryPerWindowTargetHeld() {
        Uptime uptime = Uptime.of(model(TARGETS), results());

        assertEquals(6, uptime.windows());
        assertEquals(2, uptime.windowsMet());
        assertEquals(2.0 / 6, uptime.ratio(), 1e-12);
        assertEquals(60, uptime.windowS(), 0);
    }

    /* With its own error-ratio SLO of 5%, api's 2% window (r0 w2) is up: 3 of 6. */
    @Test
    void classErrorRatioSloReplacesTheDefaultOnePercent() {
        List<SloSpec> targets = List.of(max("classes.api.latency_ms.p99", 100), max("tiers.db.latency_ms.p99", 50),
                max("websocket.delivery_ms.p99", 100), max("classes.api.error_ratio", 0.05));

        assertEquals(3.0 / 6, Uptime.of(model(targets), results()).ratio(), 1e-12);
    }

    /* Without latency SLOs only the 1% error criterion is left: r0 w2 is the one window down. */
    @Test
    void withoutTargetsOnlyTheErrorCriterionCounts() {
        assertEquals(5.0 / 6, Uptime.of(model(List.of()), results()).ratio(), 1e-12);
    }

    @Test
    void noWindowsMeansNothingWasMeasuredAndRatioIsOne() {
        ReplicationResult empty = new ReplicationResult(0, 10, Map.of(), Map.of(), Optional.empty(), List.of(), 0,
                60);

        Uptime uptime = Uptime.of(model(TARGETS), List.of(empty));

        assertEquals(1, uptime.ratio(), 0);
        assertEquals(0, uptime.windows());
        assertEquals(Uptime.WINDOWS, uptime.method());
        assertEquals(List.of(new Uptime.State("normal", 1, 1, 0, 0)), uptime.states());
    }

    /*
     * Two replications, a failure mode striking at 1 / 3600 per second, 60 s windows:
     *   r0: normal 3 of 4 windows up (0.75); its scenario touched 3 windows, 1 up
     *   r1: normal 4 of 4 up (1.0);          its scenario touched 3 windows, 2 up
     * time in the failure state 1/3600 x 3 x 60 = 0.05 in both, so
     *   U0 = 0.75 x 0.95 + 1/3600 x 1 x 60 = 0.729167, U1 = 1.0 x 0.95 + 1/3600 x 2 x 60 = 0.983333
     * ratio 0.85625; states normal (0.95 of the time, 7/8 up), node down (0.05, 3/6 up, 720 a month);
     * downtime (1 - 0.85625) x 30 days x 1440 min = 6210 min; two values and t(1) = 12.7 give an
     * interval wider than [0, 1], clipped to it.
     */
    @Test
    void failureStatesAreWeightedByTheirShareOfTheTime() {
        WindowRow up = window(0, 100, 0, 80, 40, 90);
        WindowRow down = window(0, 100, 0, 150, 40, 90);
        ReplicationResult r0 = replication(0, up, up, up, down).withScenarios(List.of(
                new ScenarioResult("node down: app", 1 / 3600.0, List.of(down, up, down))), 0);
        ReplicationResult r1 = replication(1, up, up, up, up).withScenarios(List.of(
                new ScenarioResult("node down: app", 1 / 3600.0, List.of(up, down, up))), 0);

        Uptime uptime = Uptime.of(model(TARGETS), List.of(r0, r1));

        assertEquals((0.75 * 0.95 + 1 / 60.0 + 0.95 + 2 / 60.0) / 2, uptime.ratio(), 1e-12);
        assertEquals(0.85625, uptime.ratio(), 1e-12);
        assertEquals(Uptime.FAILURE_STATES, uptime.method());
        // 1 / 3600 per second: 720 a 30-day month
        assertEquals(List.of(new Uptime.State("normal", 0.95, 7 / 8.0, 0, 0),
                new Uptime.State("node down: app", 0.05, 0.5, 720, 2)), round(uptime.states()));
        assertEquals(6210, uptime.downtimeMinPerMonth(), 1e-9);
        assertEquals(0, uptime.ci95Lo(), 0);
        assertEquals(1, uptime.ci95Hi(), 0);
    }

    /*
     * Three replications of 20 windows with 19, 18 and 17 up (c0 = 0.95, 0.90, 0.85; mean 0.9,
     * s^2 = 0.0025); a mode at 1 / 3600 per second (share of a 60 s window: 1/60) struck in
     * replications 0 and 1 only, touching 3 windows with 1 and 2 up:
     *   U = 0.9 x (1 - 3/60) + 1.5 / 60 = 0.88
     *   variance: normal 0.95^2 x 0.0025 / 3 = 7.5208e-4 (2 df); mode: D = 1 - 0.9 x 3 = -1.7 and
     *   2 - 2.7 = -0.7, s^2 = 0.5 (at least one window's step, 1 / 2 = 0.5: equal here),
     *   (1/60)^2 x 0.5 / 2 = 6.9444e-5 (1 df); total 8.2153e-4
     *   Welch-Satterthwaite df = 8.2153e-4^2 / (7.5208e-4^2 / 2 + 6.9444e-5^2 / 1) = 2.3464
     *   t_{0.975, 2.3464} = 3.7477823 (scipy), half-width 3.7477823 x sqrt(8.2153e-4) = 0.1074201
     * Both strikes alike (1 window up of 3 each): D = -1.7 twice, a spread of zero, floored at
     * 0.5: the same variance and half-width, around U = 0.9 x 0.95 + 1 / 60 = 0.8716667.
     * Struck once (in replication 0 only): U = 0.9 x 0.95 + 1 / 60 = 0.8716667, the mode's variance
     * bound 6.25e-4: total 1.37708e-3, df = 1.37708e-3^2 / (7.5208e-4^2 / 2) = 6.7053,
     * t = 2.3858556, half-width 0.0885369.
     */
    @Test
    void theIntervalAddsTheVarianceOfEachStratum() {
        WindowRow up = window(0, 100, 0, 80, 40, 90);
        WindowRow down = window(0, 100, 0, 150, 40, 90);
        ReplicationResult r0 = replication(0, windows(19, up, down)).withScenarios(List.of(
                new ScenarioResult("node down: app", 1 / 3600.0, List.of(down, up, down))), 0);
        ReplicationResult r1 = replication(1, windows(18, up, down)).withScenarios(List.of(
                new ScenarioResult("node down: app", 1 / 3600.0, List.of(up, down, up))), 0);
        ReplicationResult r2 = replication(2, windows(17, up, down));

        Uptime twice = Uptime.of(model(TARGETS), List.of(r0, r1, r2));
        assertEquals(0.88, twice.ratio(), 1e-12);
        assertEquals(0.88 - 0.1074201, twice.ci95Lo(), 1e-6);
        assertEquals(0.88 + 0.1074201, twice.ci95Hi(), 1e-6);

        ReplicationResult r1Alike = replication(1, windows(18, up, down)).withScenarios(List.of(
                new ScenarioResult("node down: app", 1 / 3600.0, List.of(down, up, down))), 0);
        Uptime alike = Uptime.of(model(TARGETS), List.of(r0, r1Alike, r2));
        assertEquals(0.8716667, alike.ratio(), 1e-7);
        assertEquals(0.1074201, (alike.ci95Hi() - alike.ci95Lo()) / 2, 1e-6);

        Uptime once = Uptime.of(model(TARGETS), List.of(r0, replication(1, windows(18, up, down)), r2));
        assertEquals(0.8716667, once.ratio(), 1e-7);
        assertEquals(0.0885369, (once.ci95Hi() - once.ci95Lo()) / 2, 1e-6);
    }

    /*
     * A window down for certain counts as touched and down: a scenario with 2 simulated windows
     * (1 up) and 9 certain ones touched 11 windows, 1 up; one replication, c0 = 1:
     * U = 1 x (1 - 11/60) + 1/60 = 0.8333333.
     */
    @Test
    void windowsDownForCertainCountAsDown() {
        WindowRow up = window(0, 100, 0, 80, 40, 90);
        WindowRow down = window(0, 100, 0, 150, 40, 90);
        ReplicationResult r = replication(0, up, up).withScenarios(List.of(
                new ScenarioResult("database replacement: db", 1 / 3600.0, List.of(down, up), List.of(1.0, 1.0), 9)),
                0);

        Uptime uptime = Uptime.of(model(TARGETS), List.of(r));
        assertEquals(1 - 11 / 60.0 + 1 / 60.0, uptime.ratio(), 1e-12);
        assertEquals(1 / 11.0, uptime.states().get(1).compliance(), 1e-12);
    }

    private static WindowRow[] windows(int up, WindowRow upRow, WindowRow downRow) {
        WindowRow[] rows = new WindowRow[20];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i < up ? upRow : downRow;
        }
        return rows;
    }

    private static List<Uptime.State> round(List<Uptime.State> states) {
        return states.stream().map(s -> new Uptime.State(s.name(), Math.round(s.fractionOfTime() * 1e12) / 1e12,
                s.compliance(), Math.round(s.perMonth() * 1e9) / 1e9, s.strikes())).toList();
    }

    private static ModelSpec model(List<SloSpec> slo) {
        return Fixtures.model(true, Optional.empty(), slo);
    }

    private static List<ReplicationResult> results() {
        return List.of(
                replication(0, window(0, 100, 0, 80, 40, 90), window(60, 100, 0, 150, 40, 90),
                        window(120, 98, 2, 80, 40, 90)),
                replication(1, window(0, 100, 0, 80, 60, 90), window(60, 100, 0, 80, 40, 120),
                        window(120, 100, 1, 80, 40, 90)));
    }

    private static ReplicationResult replication(int r, WindowRow... windows) {
        return new ReplicationResult(r, 180, Map.of(), Map.of(), Optional.empty(), List.of(windows), 0, 60);
    }

    private static WindowRow window(double startS, long count, long errors, double apiP99Ms, double dbP99Ms,
                                    double wsP99Ms) {
        return new WindowRow(startS, Map.of("api", new WindowClass(count, errors, apiP99Ms / 2, apiP99Ms)),
                Map.of("app", 10.0, "db", dbP99Ms), Map.of("app", 0.5, "db", 0.5), Map.of("app", 2.0, "db", 1.0),
                wsP99Ms);
    }
}
