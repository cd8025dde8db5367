package capsim.engine.validation;

import capsim.engine.dist.Distribution;
import capsim.engine.dist.Exponential;
import capsim.engine.random.RandomStreams;
import capsim.engine.station.BusyListener;
import capsim.engine.station.PsStation;
import capsim.engine.stats.LatencyRecorder;
import org.junit.jupiter.api.Test;

/**
 * The processor-sharing station against the closed forms of M/G/1-PS (Kleinrock, "Queueing
 * Systems", vol. 2, 1976, section 4.4): a job of size x stays x / (1 - rho) on average, so the
 * mean response is E[S] / (1 - rho) whatever the service distribution. Independent
 * replications as in {@link FcfsValidationTest}.
 */
class PsValidationTest {
    private static final int REPLICATIONS = FcfsValidationTest.REPLICATIONS;
    private static final int NO_LIMIT = Integer.MAX_VALUE;
    private static final double NEVER = Double.POSITIVE_INFINITY;

    /**
     * M/M/1-PS at rho = 0.8 (mu = 1/s): mean response 1 / (mu - lambda) = 5 s, and for jobs of
     * size x in [2, 3] s the mean response x / (1 - rho), i.e. sum of responses / sum of sizes
     * over those jobs = 1 / (1 - rho) = 5.
     */
    @Test
    void mm1PsMeanAndConditionalResponse() {
        double lambda = 0.8;
        Replications mean = new Replications(REPLICATIONS);
        Replications slowdown = new Replications(REPLICATIONS);
        for (int r = 0; r < REPLICATIONS; r++) {
            LatencyRecorder response = new LatencyRecorder();
            double[] bin = new double[2]; // sum of responses, sum of sizes, of jobs of size 2..3 s
            OpenLoop.run(new RandomStreams(FcfsValidationTest.SEED, r), lambda, new Exponential(1),
                    sim -> new PsStation(sim, 1, NO_LIMIT, NEVER, BusyListener.NONE),
                    5_000, 200_000, (s, t, o) -> {
                        response.recordSeconds(t);
                        if (s >= 2 && s < 3) {
                            bin[0] += t;
                            bin[1] += s;
                        }
                    });
            mean.add(response.meanMs() / 1000);
            slowdown.add(bin[0] / bin[1]);
        }
        // 20 x 200,000 jobs (about 17,000 of them in the size bin per replication): SE about
        // 0.4% of both estimates, tolerance about 1.8%
        mean.assertMatches("M/M/1-PS mean response", QueueingFormulas.mm1MeanResponse(lambda, 1), 0, 0.01);
        slowdown.assertMatches("M/M/1-PS response / size, sizes 2..3 s",
                QueueingFormulas.psConditionalMeanResponse(1, lambda), 0, 0.01);
    }

    /**
     * M/G/1-PS with lognormal service (mean 1 s, cv 2) at rho = 0.7: the mean response is
     * insensitive to the distribution, E[S] / (1 - rho) = 3.333 s (FCFS would give
     * E[S] + P-K wait = 1 + 0.7 * 5 / 0.6 = 6.83 s).
     */
    @Test
    void mg1PsMeanResponseIsInsensitive() {
        double lambda = 0.7;
        Distribution service = capsim.engine.dist.LogNormal.ofMeanCv(1, 2);
        Replications mean = new Replications(REPLICATIONS);
        for (int r = 0; r < REPLICATIONS; r++) {
            LatencyRecorder response = new LatencyRecorder();
            OpenLoop.run(new RandomStreams(FcfsValidationTest.SEED, r), lambda, service,
                    sim -> new PsStation(sim, 1, NO_LIMIT, NEVER, BusyListener.NONE),
                    5_000, 200_000, (s, t, o) -> response.recordSeconds(t));
            mean.add(response.meanMs() / 1000);
        }
        // 20 x 200,000 jobs: SE about 0.45% of the mean response, tolerance about 2%
        mean.assertMatches("M/G/1-PS mean response", QueueingFormulas.psConditionalMeanResponse(1, lambda), 0, 0.01);
    }
}
