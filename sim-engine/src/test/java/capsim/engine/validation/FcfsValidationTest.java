package capsim.engine.validation;

import capsim.engine.dist.Deterministic;
import capsim.engine.dist.Distribution;
import capsim.engine.dist.Exponential;
import capsim.engine.random.RandomStreams;
import capsim.engine.station.BusyListener;
import capsim.engine.station.FcfsStation;
import capsim.engine.station.Outcome;
import capsim.engine.stats.LatencyRecorder;
import org.junit.jupiter.api.Test;

/**
 * The FCFS station against the closed forms of M/M/1, M/M/c, M/D/1, M/G/1 and M/M/c/c. Each
 * case runs {@value #REPLICATIONS} independent replications (seed {@value #SEED}, replication
 * index 0..19) and compares the mean of the per-replication estimates with the closed form,
 * within {@link Replications#Z} standard errors estimated from their spread.
 */
class FcfsValidationTest {
    static final long SEED = 20_240_601L;
    static final int REPLICATIONS = 20;
    /** Relative resolution of a recorded percentile: 3 significant digits, rounded up to the bucket's top. */
    static final double HISTOGRAM_RESOLUTION = 1e-3;
    private static final int NO_LIMIT = Integer.MAX_VALUE;
    private static final double NEVER = Double.POSITIVE_INFINITY;

    /**
     * M/M/1 at rho = 0.8 (mu = 1/s, lambda = 0.8/s): mean response 1 / (mu - lambda) = 5 s and
     * p99 response ln(100) / (mu - lambda) = 23.03 s (the response time is Exp(mu - lambda)).
     */
    @Test
    void mm1MeanAndP99Response() {
        double lambda = 0.8;
        double mu = 1;
        Replications mean = new Replications(REPLICATIONS);
        Replications p99 = new Replications(REPLICATIONS);
        for (int r = 0; r < REPLICATIONS; r++) {
            LatencyRecorder response = new LatencyRecorder();
            // warm-up 5,000 jobs: the relaxation time of M/M/1 at rho 0.8 is
            // 1 / (mu (1 - sqrt(rho))^2) = 90 s, about 70 jobs
            OpenLoop.run(new RandomStreams(SEED, r), lambda, new Exponential(1 / mu),
                    sim -> new FcfsStation(sim, 1, NO_LIMIT, NEVER, BusyListener.NONE),
                    5_000, 500_000, (s, t, o) -> response.recordSeconds(t));
            mean.add(response.meanMs() / 1000);
            p99.add(response.percentileMs(99) / 1000);
        }
        double expectedMean = QueueingFormulas.mm1MeanResponse(lambda, mu);
        double expectedP99 = QueueingFormulas.mm1ResponseQuantile(lambda, mu, 0.99);
        // 20 x 500,000 jobs: the replications put the SE at about 0.25% of the mean and 0.45%
        // of the p99, so the tolerance is about 1.1% and 2% (+ 0.1% histogram resolution);
        // the guard fails the test should the SE ever exceed 1%
        mean.assertMatches("M/M/1 mean response", expectedMean, 0, 0.01);
        p99.assertMatches("M/M/1 p99 response", expectedP99, HISTOGRAM_RESOLUTION * expectedP99, 0.01);
    }

    /**
     * M/M/4 at utilisation 0.85 (mu = 1/s, lambda = 3.4/s): probability of waiting Erlang C
     * C(4, 3.4) = 0.6893, mean wait C / (c mu - lambda) = 1.149 s, and the p99 of the response
     * W + S, the root of (1 - C) e^{-mu t} + C (theta e^{-mu t} - mu e^{-theta t}) / (theta - mu)
     * = 0.01 with theta = c mu - lambda.
     */
    @Test
    void mmcWaitingProbabilityMeanWaitAndP99Response() {
        int c = 4;
        double mu = 1;
        double lambda = 0.85 * c * mu;
        Replications waited = new Replications(REPLICATIONS);
        Replications meanWait = new Replications(REPLICATIONS);
        Replications p99 = new Replications(REPLICATIONS);
        for (int r = 0; r < REPLICATIONS; r++) {
            LatencyRecorder response = new LatencyRecorder();
            double[] sums = new double[3]; // jobs, jobs that waited, total wait
            OpenLoop.run(new RandomStreams(SEED, r), lambda, new Exponential(1 / mu),
                    sim -> new FcfsStation(sim, c, NO_LIMIT, NEVER, BusyListener.NONE),
                    5_000, 500_000, (s, t, o) -> {
                        response.recordSeconds(t);
                        double wait = t - s;
                        sums[0]++;
                        sums[1] += wait > 1e-9 ? 1 : 0; // start = arrival leaves a rounding residue only
                        sums[2] += wait;
                    });
            waited.add(sums[1] / sums[0]);
            meanWait.add(sums[2] / sums[0]);
            p99.add(response.percentileMs(99) / 1000);
        }
        double expectedP99 = QueueingFormulas.mmcResponseQuantile(c, lambda, mu, 0.99);
        // 20 x 500,000 jobs: SE about 0.1% of P(wait), 0.5% of the mean wait and of the p99
        waited.assertMatches("M/M/4 P(wait)", QueueingFormulas.erlangC(c, lambda / mu), 0, 0.01);
        meanWait.assertMatches("M/M/4 mean wait", QueueingFormulas.mmcMeanWait(c, lambda, mu), 0, 0.01);
        p99.assertMatches("M/M/4 p99 response", expectedP99, HISTOGRAM_RESOLUTION * expectedP99, 0.01);
    }

    /** M/D/1 at rho = 0.8 (service exactly 1 s): mean wait rho / (2 mu (1 - rho)) = 2 s. */
    @Test
    void md1MeanWait() {
        double lambda = 0.8;
        Replications meanWait = new Replications(REPLICATIONS);
        for (int r = 0; r < REPLICATIONS; r++) {
            double[] sums = new double[2];
            OpenLoop.run(new RandomStreams(SEED, r), lambda, new Deterministic(1),
                    sim -> new FcfsStation(sim, 1, NO_LIMIT, NEVER, BusyListener.NONE),
                    5_000, 200_000, (s, t, o) -> {
                        sums[0]++;
                        sums[1] += t - s;
                    });
            meanWait.add(sums[1] / sums[0]);
        }
        // 20 x 200,000 jobs: SE about 0.4% of the mean wait
        meanWait.assertMatches("M/D/1 mean wait", QueueingFormulas.md1MeanWait(lambda, 1), 0, 0.01);
    }

    /**
     * M/G/1 with lognormal service, mean 1 s and cv 2, at rho = 0.6: Pollaczek-Khinchine mean
     * wait lambda E[S^2] / (2 (1 - rho)) with E[S^2] = (1 + cv^2) E[S]^2 = 5 s^2, i.e. 3.75 s.
     */
    @Test
    void mg1LognormalPollaczekKhinchine() {
        double lambda = 0.6;
        double cv = 2;
        Distribution service = capsim.engine.dist.LogNormal.ofMeanCv(1, cv);
        Replications meanWait = new Replications(REPLICATIONS);
        for (int r = 0; r < REPLICATIONS; r++) {
            double[] sums = new double[2];
            OpenLoop.run(new RandomStreams(SEED, r), lambda, service,
                    sim -> new FcfsStation(sim, 1, NO_LIMIT, NEVER, BusyListener.NONE),
                    5_000, 1_000_000, (s, t, o) -> {
                        sums[0]++;
                        sums[1] += t - s;
                    });
            meanWait.add(sums[1] / sums[0]);
        }
        // Heavy tail: the variance of a run's mean wait grows with E[S^3] and E[S^4]
        // (exp(3 s^2) = 125 and exp(6 s^2) = 15,625 times E[S]^3, E[S]^4 here), so the run is
        // long (20 x 1,000,000 jobs) and rho moderate (0.6; busy periods, hence the
        // correlation time, grow like 1 / (1 - rho)^2). SE about 0.55% of the mean wait.
        double secondMoment = (1 + cv * cv);
        meanWait.assertMatches("M/G/1 lognormal cv 2 mean wait",
                QueueingFormulas.pollaczekKhinchineMeanWait(lambda, 1, secondMoment), 0, 0.01);
    }

    /**
     * M/M/5/5 (FCFS with no waiting room) at 4 Erlang offered: the blocking probability is
     * Erlang B(5, 4) = 0.1991 (insensitive to the service distribution beyond its mean).
     */
    @Test
    void erlangLossBlockingProbability() {
        int c = 5;
        double offered = 4;
        Replications blocked = new Replications(REPLICATIONS);
        for (int r = 0; r < REPLICATIONS; r++) {
            double[] sums = new double[2];
            OpenLoop.run(new RandomStreams(SEED, r), offered, new Exponential(1),
                    sim -> new FcfsStation(sim, c, 0, NEVER, BusyListener.NONE),
                    5_000, 200_000, (s, t, o) -> {
                        sums[0]++;
                        sums[1] += o == Outcome.REJECTED ? 1 : 0;
                    });
            blocked.add(sums[1] / sums[0]);
        }
        // 20 x 200,000 arrivals: SE about 0.16% of the blocking probability
        blocked.assertMatches("M/M/5/5 blocking", QueueingFormulas.erlangB(c, offered), 0, 0.01);
    }
}
