package capsim.experiments.calibrate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
        // first and last second dropped; then 10 s at ~500, 5 at ~300, 10 at ~500, 5 at ~300 (each
        // level alternating +-10). Noise: 26 of the 29 consecutive differences are 20, so sigma =
        // 1.4826 x 20 / sqrt(2) = 20.97 and the levels (200 apart) are far more than 4 sigma apart;
        // three levels would split 490 from 510 (under 10% apart). Levels 500 and 300, slow a third
        // of the 30 s. Dwell: fast 20 s over 2 stretches that both ended: 10 s; slow 10 s over 2
        // stretches of which only the first ended (the run cut the second): 10 s.
        long[] perSecond = new long[32];
        perSecond[0] = 17;
        perSecond[31] = 40;
        for (int i = 1; i <= 30; i++) {
            int k = (i - 1) % 15;
            perSecond[i] = k < 10 ? (i % 2 == 0 ? 490 : 510) : (i % 2 == 0 ? 290 : 310);
        }
        RegimeFit r = RegimeFit.fit(perSecond);
        assertTrue(r.twoLevels());
        assertEquals(1.4826 * 20 / Math.sqrt(2), r.noiseTps(), 1e-9);
        assertArrayEquals(new double[] {500, 300}, r.levelsTps(), 1e-9);
        assertArrayEquals(new double[] {10, 10}, r.meanS(), 1e-12);
        assertArrayEquals(new double[] {2.0 / 3, 1.0 / 3}, r.share(), 1e-12);
        assertArrayEquals(new int[] {0, 1}, r.sequence());
        assertEquals(4, r.stretches());
        assertEquals(500 * 2.0 / 3 + 300 / 3.0, r.meanTps(), 1e-9);
    }

    @Test
    void threeLevelsInTheRunsOwnOrder() throws BadLogException {
        // inner seconds: 6 at ~1000, 3 at ~600, 4 at ~300, 3 at ~600, 4 at ~1000 (+-10 by turns,
        // each level's seconds balanced). Lloyd's iterations from the quantiles would stop at {480, 990, 1010}; the exact
        // split finds 1000, 600, 300. Noise: 15 of 19 differences are 20, sigma 20.97; the levels
        // are 400 and 300 apart and 40% and 50% slower than the next. Seconds 10, 6, 4: shares
        // 0.5, 0.3, 0.2. Stretches F M S M F (5); ended: F 1 (the last F is cut), M 2, S 1: dwells
        // 10 / 1, 6 / 2, 4 / 1. The cycle closes F -> F, so the sequence is F M S M.
        int[][] stretches = {{1000, 6}, {600, 3}, {300, 4}, {600, 3}, {1000, 4}};
        long[] perSecond = new long[22];
        perSecond[0] = 3;
        perSecond[21] = 5;
        int i = 1;
        for (int[] s : stretches) {
            for (int j = 0; j < s[1]; j++, i++) {
                perSecond[i] = s[0] + (i % 2 == 0 ? -10 : 10);
            }
        }
        RegimeFit r = RegimeFit.fit(perSecond);
        assertArrayEquals(new double[] {1000, 600, 300}, r.levelsTps(), 1e-9);
        assertArrayEquals(new double[] {0.5, 0.3, 0.2}, r.share(), 1e-12);
        assertArrayEquals(new double[] {10, 3, 4}, r.meanS(), 1e-12);
        assertArrayEquals(new int[] {0, 1, 2, 1}, r.sequence());
        assertEquals(5, r.stretches());
    }

    @Test
    void oneLevelWhenTheSlowSecondsAreNotSlowEnough() throws BadLogException {
        long[] perSecond = {1, 500, 480, 510, 470, 505, 495, 2};
        RegimeFit r = RegimeFit.fit(perSecond);
        assertEquals(false, r.twoLevels());
        assertEquals(493.3, r.fastTps(), 0.1);
    }

    @Test
    void oneLevelWhenTheLevelsAreWithinTheNoise() throws BadLogException {
        // 1000 and 850 alternate in stretches of 2 s (15% apart), with +-60 noise inside each:
        // inner 1060 940 910 790 1060 940 910 790 ...; differences 120, 30, 120, 270, ... median
        // 120: sigma 125.8, 4 sigma 503 > 150, so the levels are not told apart: one level, the mean.
        long[] perSecond = new long[26];
        perSecond[0] = 10;
        perSecond[25] = 10;
        long[] cycle = {1060, 940, 910, 790};
        for (int i = 1; i <= 24; i++) {
            perSecond[i] = cycle[(i - 1) % 4];
        }
        RegimeFit r = RegimeFit.fit(perSecond);
        assertEquals(1.4826 * 120 / Math.sqrt(2), r.noiseTps(), 1e-9);
        assertEquals(false, r.twoLevels());
        assertEquals(925, r.fastTps(), 1e-9);
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

    /*
     * Client stalls drawn from a known process: the client is up for Exp(1 / 15 s) and then
     * stalled for a gamma D of mean 2 ms, cv 0.5 (E[D^2] = 5 ms^2), so it is stalled
     * p = 0.03 / 1.03 = 2.91% of the time. 300,000 transactions arrive at 1,000/s; each is sent
     * 0.09 ms late (plus jitter of +-0.02 ms), or, when due in a stall, at its end. About 6,000
     * are late by more than 0.5 ms (p E[(D - 0.5)+] / E[D], with E[(D - 0.5)+] about 1.54 ms) in
     * about 4,500 stalls: the mean's and the rate's SE are about 2-3% (the stalls, not the
     * transactions, are the independent units); tolerances 10%. A fit that read the lags as
     * whole stalls (mean 2.5 ms, the residual's mean E[D^2] / (2 E[D]) plus the 0.5 cut) would miss
     * the mean by 25%.
     */
    @Test
    void clientStallsAreRecoveredFromScheduleLags() {
        Well19937c rng = new Well19937c(11);
        GammaDistribution d = new GammaDistribution(rng, 4, 0.5);
        int n = 300_000;
        double[] start = new double[n];
        double[] latency = new double[n];
        double[] lag = new double[n];
        double stallFrom = -Math.log(1 - rng.nextDouble()) / 15;
        double stallTo = stallFrom + d.sample() / 1000;
        double t = 0;
        for (int i = 0; i < n; i++) {
            t += -Math.log(1 - rng.nextDouble()) / 1000;
            while (stallTo <= t) {
                stallFrom = stallTo + -Math.log(1 - rng.nextDouble()) / 15;
                stallTo = stallFrom + d.sample() / 1000;
            }
            double late = t >= stallFrom ? (stallTo - t) * 1000 : 0;
            start[i] = t;
            lag[i] = 0.09 + 0.04 * (rng.nextDouble() - 0.5) + late;
            latency[i] = lag[i] + 0.3;
        }
        TxLog log = new TxLog("synthetic", start, latency, t, n / t, new long[0], 16, lag);
        ClientStallFit f = ClientStallFit.fit(log).orElseThrow();
        assertEquals(2, f.meanMs(), 0.2, f.toString());
        assertEquals(0.5, f.cv(), 0.1, f.toString());
        assertEquals(15, f.ratePerS(), 1.5, f.toString());
        assertEquals(0.03 / 1.03, f.stalledShare(), 0.003, f.toString());
        assertEquals(0.09, f.baseLagMs(), 0.01, f.toString());
        // no lags in the log: nothing to fit
        assertTrue(ClientStallFit.fit(new TxLog("plain", start, latency, t, n / t, new long[0], 16)).isEmpty());
    }
}
