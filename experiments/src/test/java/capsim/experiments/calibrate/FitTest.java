package capsim.experiments.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.WeibullDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/** The fits recover the parameters of samples drawn from known distributions. */
class FitTest {
    private static final int N = 20_000;

    /*
     * 20,000 samples: the mean's relative SE is cv / sqrt(n) = 0.7% at cv 1, the cv's about
     * the same; tolerances 3%. The KS distance of the true family is about 1 / sqrt(n) = 0.007,
     * a wrong one's several times that at these shapes.
     */
    @Test
    void eachFamilyIsRecognisedAndItsMeanAndCvRecovered() {
        // gamma shape 2 (cv 0.707), mean 4
        check(new GammaDistribution(new Well19937c(1), 2, 2).sample(N), "gamma", 4, Math.sqrt(0.5));
        // lognormal sigma 0.8: cv sqrt(e^0.64 - 1) = 0.947, mean e^(1 + 0.32) = 3.743
        check(new LogNormalDistribution(new Well19937c(2), 1, 0.8).sample(N), "lognormal", Math.exp(1.32),
                Math.sqrt(Math.exp(0.64) - 1));
        // weibull shape 3, scale 2: mean 2 Gamma(4/3) = 1.786, cv 0.3636
        WeibullDistribution w = new WeibullDistribution(new Well19937c(3), 3, 2);
        check(w.sample(N), "weibull", w.getNumericalMean(), Math.sqrt(w.getNumericalVariance()) / w.getNumericalMean());
    }

    private static void check(double[] x, String family, double mean, double cv) {
        List<ServiceFit> fits = ServiceFit.fitAll(x);
        ServiceFit best = fits.get(0);
        assertEquals(family, best.dist(), fits.toString());
        assertEquals(mean, best.mean(), 0.03 * mean, fits.toString());
        assertEquals(cv, best.cv(), 0.03 * cv, fits.toString());
        assertTrue(best.ks() < 0.02, fits.toString());
        assertTrue(fits.get(2).ks() > 2 * best.ks(), fits.toString());
    }

    @Test
    void twoLevelsAndTheirDwellsFromThroughputPerSecond() throws BadLogException {
        // first and last second dropped; then 10 s at ~500, 5 at ~300, 10 at ~500, 5 at ~300:
        // levels 500 and 300, mean runs 10 s and 5 s, slow a third of the 30 s
        long[] perSecond = new long[32];
        perSecond[0] = 17;
        perSecond[31] = 40;
        for (int i = 1; i <= 30; i++) {
            int k = (i - 1) % 15;
            perSecond[i] = k < 10 ? (i % 2 == 0 ? 490 : 510) : (i % 2 == 0 ? 290 : 310);
        }
        RegimeFit r = RegimeFit.fit(perSecond);
        assertTrue(r.twoLevels());
        assertEquals(500, r.fastTps(), 1);
        assertEquals(300, r.slowTps(), 1);
        assertEquals(10, r.fastMeanS(), 1e-12);
        assertEquals(5, r.slowMeanS(), 1e-12);
        assertEquals(1.0 / 3, r.slowShare(), 1e-12);
    }

    @Test
    void oneLevelWhenTheSlowSecondsAreNotSlowEnough() throws BadLogException {
        long[] perSecond = {1, 500, 480, 510, 470, 505, 495, 2};
        RegimeFit r = RegimeFit.fit(perSecond);
        assertEquals(false, r.twoLevels());
        assertEquals(493.3, r.fastTps(), 0.1);
    }

    @Test
    void stallsFromTheTailBeyondTukeysFence() {
        // 100 latencies: 90 of 1..9 ms (10 each), 10 of 51 ms. Nearest rank: Q1 = 3 (25th),
        // median 5 (50th), Q3 = 8 (75th), fence 8 + 1.5 x 5 = 15.5: the 10 at 51 are the tail, f = 0.1, mean
        // excess 51 - 5 = 46 ms, rate 0.1 / (0.9 x 0.046) = 2.415 per s
        double[] sorted = new double[100];
        for (int i = 0; i < 90; i++) {
            sorted[i] = 1 + i / 10;
        }
        for (int i = 90; i < 100; i++) {
            sorted[i] = 51;
        }
        StallFit s = StallFit.fit(sorted);
        assertEquals(15.5, s.fenceMs(), 1e-12);
        assertEquals(0.1, s.share(), 1e-12);
        assertEquals(46, s.meanMs(), 1e-12);
        assertEquals(0.1 / (0.9 * 0.046), s.ratePerS(), 1e-9);
    }

    @Test
    void aWakeUpFromLoneTransactionsWhoseLatencyGrowsWithTheIdleTime() {
        // 20,000 transactions, Poisson at 20/s (idle times about Exp(mean 50 ms)), each alone:
        // latency 2 ms + U (1 - e^(-idle / 20 ms)), U = 1 ms fixed, plus uniform noise of +-0.1 ms.
        // Least squares recovers base 2, slope 1 and tau 20 ms within the grid's step (9%); the
        // duration's quantiles are 1 +- the noise scaled by 1 / (1 - e^(-g/tau)) <= 2
        Well19937c rng = new Well19937c(7);
        int n = 20_000;
        double[] start = new double[n];
        double[] latency = new double[n];
        double t = 0;
        double busyUntil = 0;
        for (int i = 0; i < n; i++) {
            t = Math.max(t + -Math.log(1 - rng.nextDouble()) / 20, busyUntil + 1e-4);
            double idleMs = i == 0 ? 1e9 : (t - busyUntil) * 1000;
            start[i] = t;
            latency[i] = 2 + -Math.expm1(-idleMs / 20) + 0.2 * (rng.nextDouble() - 0.5);
            busyUntil = t + latency[i] / 1000;
        }
        TxLog log = new TxLog("synthetic", start, latency, t, n / t, new long[0], 0);
        WakeUpFit w = WakeUpFit.fit(log, 10).orElseThrow();
        assertEquals(2, w.baseMs(), 0.02, w.toString());
        assertEquals(1, w.slopeMs(), 0.03, w.toString());
        assertEquals(20, w.idleScaleMs(), 2, w.toString());
        assertEquals(1, w.meanMs(), 0.05, w.toString());
        assertEquals(n - 1, w.lone());
        // no trend: no wake-up
        for (int i = 0; i < n; i++) {
            latency[i] = 2 + 0.2 * (rng.nextDouble() - 0.5);
        }
        assertTrue(WakeUpFit.fit(log, 10).isEmpty());
    }
}
