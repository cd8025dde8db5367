package capsim.engine.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import capsim.engine.capacity.CapacityPath;
import capsim.engine.dist.Exponential;
import capsim.engine.random.RandomStreams;
import capsim.engine.station.BusyListener;
import capsim.engine.station.FcfsStation;
import capsim.engine.station.PsStation;
import capsim.engine.station.WakeUp;
import org.junit.jupiter.api.Test;

/**
 * Stations whose node wakes up before serving when a job finds it idle ({@link WakeUp}) against
 * the M/G/1 with setup times (Harchol-Balter, "Performance Modeling and Design of Computer
 * Systems", 2013, section 27.3): a busy period starts with a setup I, jobs arriving meanwhile
 * wait, and the mean response is that of M/G/1 plus (2 E[I] + lambda E[I^2]) / (2 (1 + lambda E[I])).
 * With exponential demands the number present evolves alike under FCFS and processor sharing
 * (total rate mu whenever the node is awake and busy), so both have this mean.
 * Replications as in {@link FcfsValidationTest}.
 */
class WakeUpValidationTest {
    private static final int REPLICATIONS = FcfsValidationTest.REPLICATIONS;
    private static final int NO_LIMIT = Integer.MAX_VALUE;
    private static final double NEVER = Double.POSITIVE_INFINITY;
    private static final double MU = 10;
    private static final double LAMBDA = 5;

    /** M/M/1 (mu = 10/s, lambda = 5/s) plus the setup term for setups with moments m1, m2. */
    static double meanResponse(double m1, double m2) {
        return 1 / (MU - LAMBDA) + (2 * m1 + LAMBDA * m2) / (2 * (1 + LAMBDA * m1));
    }

    /**
     * Worked by hand: setups Exp(mean 0.05 s), E[I^2] = 2 x 0.05^2 = 0.005; the term is
     * (0.1 + 0.025) / 2.5 = 0.05 s and the mean response 0.2 + 0.05 = 0.25 s. With the idle scale
     * 0.2 s the setup is U (1 - e^{-g / 0.2}) after an idle time g ~ Exp(lambda) (memoryless
     * arrivals), independent of U: E[1 - e^{-g/t}] = 1 / (1 + lambda t) = 1/2 and
     * E[(1 - e^{-g/t})^2] = 1 - 2 lambda t / (1 + lambda t) + lambda t / (2 + lambda t) = 1/3, so
     * E[I] = 0.025, E[I^2] = 0.005 / 3 and the mean response 0.2 + 0.058333 / 2.25 = 0.225926 s.
     */
    @Test
    void closedFormWorkedByHand() {
        assertEquals(0.25, meanResponse(0.05, 0.005), 1e-12);
        assertEquals(0.2 + (0.05 + 5 * 0.005 / 3) / 2.25, meanResponse(0.025, 0.005 / 3), 1e-12);
        assertEquals(0.225926, meanResponse(0.025, 0.005 / 3), 1e-6);
    }

    @Test
    void fullWakeUpAfterAnyIdleTime() {
        // 20 x 200,000 jobs: SE about 0.4% of the mean; tolerance 4.5 SE, about 2%, against the
        // 20% that a station ignoring the wake-ups would miss by
        check(0, meanResponse(0.05, 0.005));
    }

    @Test
    void wakeUpGrowsWithTheIdleTime() {
        // as above; the idle scale halves the mean setup: 0.2259 s against 0.25 s (full) and 0.2 s (none)
        check(0.2, meanResponse(0.025, 0.005 / 3));
    }

    private static void check(double idleScaleS, double expected) {
        for (boolean ps : new boolean[] {false, true}) {
            Replications mean = new Replications(REPLICATIONS);
            for (int r = 0; r < REPLICATIONS; r++) {
                RandomStreams streams = new RandomStreams(FcfsValidationTest.SEED, r);
                double[] sum = new double[2];
                OpenLoop.run(streams, LAMBDA, new Exponential(1 / MU), sim -> {
                    WakeUp w = WakeUp.of(new Exponential(0.05), idleScaleS, streams.stream("wake_up"));
                    return ps ? new PsStation(sim, 1, NO_LIMIT, NEVER, BusyListener.NONE, CapacityPath.FULL, w)
                            : new FcfsStation(sim, 1, NO_LIMIT, NEVER, BusyListener.NONE, CapacityPath.FULL, w);
                }, 5_000, 200_000, (s, t, o) -> {
                    sum[0]++;
                    sum[1] += t;
                });
                mean.add(sum[1] / sum[0]);
            }
            mean.assertMatches((ps ? "PS" : "FCFS") + " M/M/1 with wake-ups (idle scale " + idleScaleS + " s)",
                    expected, 0, 0.01);
        }
    }
}
