package capsim.engine.validation;

import static org.junit.jupiter.api.Assertions.assertTrue;

import capsim.engine.capacity.PiecewiseCapacity;
import capsim.engine.capacity.Regimes;
import capsim.engine.capacity.Stalls;
import capsim.engine.dist.Deterministic;
import capsim.engine.dist.Exponential;
import capsim.engine.random.RandomStreams;
import capsim.engine.station.BusyListener;
import capsim.engine.station.FcfsStation;
import capsim.engine.station.PsStation;
import org.junit.jupiter.api.Test;

/**
 * Stations whose node changes speed for reasons outside its queue (capacity paths: stalls and
 * regimes) against closed forms, {@value FcfsValidationTest#REPLICATIONS} replications each,
 * judged as in {@link FcfsValidationTest}.
 */
class InterferenceValidationTest {
    private static final long SEED = FcfsValidationTest.SEED;
    private static final int REPLICATIONS = FcfsValidationTest.REPLICATIONS;
    private static final int NO_LIMIT = Integer.MAX_VALUE;
    private static final double NEVER = Double.POSITIVE_INFINITY;

    /**
     * M/M/1 whose server breaks down independently of its queue (breakdowns at rate a while up,
     * exponential repairs at rate b; preemptive resume). With p_n, q_n the probabilities of n
     * jobs with the server up / down, the balance equations give the generating functions
     * Q(z) = a P(z) / (lambda (1 - z) + b) and P(z) = mu p_0 / D(z) with
     * D(z) = mu - lambda z - a lambda z / (lambda (1 - z) + b); P(1) = b / (a + b) = A, the
     * availability, and stability needs lambda (1 + a / b) < mu. Differentiating at z = 1,
     * L = P'(1) / A + a lambda A / b^2 with P'(1) = A (lambda + a lambda (lambda + b) / b^2) / D(1),
     * so by Little the mean response is
     * T = (1 + a (lambda + b) / b^2) / (mu - lambda (1 + a / b)) + a / (b (a + b)).
     * Checks: a = 0 gives M/M/1's 1 / (mu - lambda); lambda -> 0 gives the completion time of
     * one job, (1 + a / b) / mu (Gaver's E[S](1 + a E[R])), plus the residual repair a job meets
     * with probability a / (a + b). Here mu = 10/s, lambda = 5/s, a = 0.5/s, b = 5/s:
     * T = 1.2 / 4.5 + 0.5 / 27.5 = 0.28485 s (0.2 s without breakdowns). The number in system
     * evolves the same under processor sharing (exponential demands, total rate mu while up),
     * so PS has the same mean.
     */
    @Test
    void mm1WithExponentialBreakdownsFcfsAndPs() {
        double mu = 10;
        double lambda = 5;
        double a = 0.5;
        double b = 5;
        double expected = (1 + a * (lambda + b) / (b * b)) / (mu - lambda * (1 + a / b)) + a / (b * (a + b));
        for (boolean ps : new boolean[] {false, true}) {
            Replications mean = new Replications(REPLICATIONS);
            for (int r = 0; r < REPLICATIONS; r++) {
                RandomStreams streams = new RandomStreams(SEED, r);
                double[] sum = new double[2];
                // warm-up 5,000 jobs: the breakdown cycle is 2.2 s (11 jobs), the relaxation time a few s
                OpenLoop.run(streams, lambda, new Exponential(1 / mu), sim -> {
                    var path = new PiecewiseCapacity(new Stalls(a, new Exponential(1 / b), streams.stream("stalls")));
                    return ps ? new PsStation(sim, 1, NO_LIMIT, NEVER, BusyListener.NONE, path)
                            : new FcfsStation(sim, 1, NO_LIMIT, NEVER, BusyListener.NONE, path);
                }, 5_000, 200_000, (s, t, o) -> {
                    sum[0]++;
                    sum[1] += t;
                });
                mean.add(sum[1] / sum[0]);
            }
            // 20 x 200,000 jobs: SE about 0.4% of the mean; 4.5 SE is about 2%, against the 42%
            // that ignoring the breakdowns would miss by
            mean.assertMatches((ps ? "PS" : "FCFS") + " M/M/1 with breakdowns, mean response", expected, 0, 0.01);
        }
    }

    /**
     * Two speed regimes whose dwell times (mean 200 s) are long next to the queue's relaxation
     * time (at the slow level, M/M/1 with mu = 70/s and lambda = 50/s relaxes in
     * 1 / (mu (1 - sqrt(rho))^2) = 0.6 s): the queue is in equilibrium at each level nearly all
     * the time, so the mean response is the mixture over the levels' time shares (equal here) of
     * M/M/1's 1 / (s mu - lambda): (1 / 50 + 1 / 20) / 2 = 0.035 s. The transitions bias it by
     * about relaxation / dwell, 0.3%.
     */
    @Test
    void longTwoLevelRegimesGiveTheMixtureOfTheirLevels() {
        double mu = 100;
        double lambda = 50;
        double[] speed = {1.0, 0.7};
        double[] meanS = {200, 200};
        double expected = 0.5 / (speed[0] * mu - lambda) + 0.5 / (speed[1] * mu - lambda);
        Replications mean = new Replications(REPLICATIONS);
        for (int r = 0; r < REPLICATIONS; r++) {
            RandomStreams streams = new RandomStreams(SEED, r);
            double[] sum = new double[2];
            OpenLoop.run(streams, lambda, new Exponential(1 / mu), sim -> new FcfsStation(sim, 1, NO_LIMIT, NEVER,
                    BusyListener.NONE, new PiecewiseCapacity(new Regimes(speed, meanS, streams.stream("regimes")))),
                    1_000, 1_000_000, (s, t, o) -> {
                        sum[0]++;
                        sum[1] += t;
                    });
            mean.add(sum[1] / sum[0]);
        }
        // 20 replications of 20,000 s (50 regime cycles each): the share of time at each level
        // varies by replication, so the SE is about 2% of the mean; 4.5 SE is 9%, while a
        // station that ignored the regimes would give 0.02 s (-43%) and one stuck at the slow
        // level 0.05 s (+43%)
        mean.assertMatches("two long regimes, mean response", expected, 0, 0.03);
    }

    /**
     * The low-load limit of stalls: jobs arrive so rarely (0.1/s) that each is alone. A job of
     * work s = 1 ms arriving during a stall (probability p = r d / (1 + r d) for stalls at rate
     * r = 2/s while up, each d = 20 ms) first waits the stall's residual, uniform on (0, d) for
     * a deterministic d, mean d / 2; while it is served, stalls start at rate r and each adds d.
     * Mean response: p d / 2 + s (1 + r d) = 0.000385 + 0.00104 = 0.001425 s. The share of jobs
     * delayed beyond s: p + (1 - p)(1 - e^{-r s}) = 0.04038.
     */
    @Test
    void lowLoadStallsAddTheResidualStallWithTheStalledProbability() {
        double s = 0.001;
        double r = 2;
        double d = 0.020;
        double p = r * d / (1 + r * d);
        double expectedMean = p * d / 2 + s * (1 + r * d);
        double expectedDelayed = p + (1 - p) * (1 - Math.exp(-r * s));
        Replications mean = new Replications(REPLICATIONS);
        Replications delayed = new Replications(REPLICATIONS);
        for (int k = 0; k < REPLICATIONS; k++) {
            RandomStreams streams = new RandomStreams(SEED, k);
            double[] sum = new double[3];
            OpenLoop.run(streams, 0.1, new Deterministic(s), sim -> new FcfsStation(sim, 1, NO_LIMIT, NEVER,
                    BusyListener.NONE, new PiecewiseCapacity(new Stalls(r, new Deterministic(d),
                            streams.stream("stalls")))), 100, 20_000, (w, t, o) -> {
                        sum[0]++;
                        sum[1] += t;
                        sum[2] += t > s + 1e-6 ? 1 : 0; // 1 us: above the rounding of C near t = 2e5 s
                    });
            mean.add(sum[1] / sum[0]);
            delayed.add(sum[2] / sum[0]);
        }
        // 20 x 20,000 jobs: SE about 0.6% of the mean and 1.6% of the delayed share; a station
        // that ignored the stalls gives 0.001 s (-30%) and no delayed job at all
        mean.assertMatches("low-load stalls, mean response", expectedMean, 0, 0.02);
        delayed.assertMatches("low-load stalls, share delayed", expectedDelayed, 0, 0.03);
        assertTrue(expectedMean > s * 1.3);
    }
}
