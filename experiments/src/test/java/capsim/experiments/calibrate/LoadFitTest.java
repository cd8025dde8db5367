package capsim.experiments.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The low-load demand from the busy periods of overlapping pairs, on logs written by hand from a
 * known server: Poisson arrivals, a constant 0.25 ms to the server and back, and one
 * first-come-first-served server of exponential demand.
 */
class LoadFitTest {
    private static final double TO_SERVER_S = 0.25e-3;

    /** A log of {@code n} transactions at {@code ratePerS} on a FCFS server of mean demand {@code demandMs}. */
    private static TxLog log(double ratePerS, double demandMs, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] start = new double[n];
        double[] latencyMs = new double[n];
        double t = 0;
        double freeS = 0;
        for (int i = 0; i < n; i++) {
            t += -Math.log(1 - rng.nextDouble()) / ratePerS;
            double begin = Math.max(t + TO_SERVER_S, freeS);
            freeS = begin - Math.log(1 - rng.nextDouble()) * demandMs / 1000;
            start[i] = t;
            latencyMs[i] = (freeS + TO_SERVER_S - t) * 1000;
        }
        return new TxLog("synthetic", start, latencyMs, t, n / t, new long[0], 0);
    }

    @Test
    void theDemandComesBackFromThePairsUnbiased() {
        // 30 tps on 3 ms: 9% busy, about 7,000 pairs in 300,000 transactions. A pair is more likely
        // behind a long lone latency (L = 0.5 ms + Exp(3 ms): E[L^2] / E[L] = 3.07 ms against 3.5 ms),
        // so without the correction the pairs would read the demand about 2.4 ms high (5.36 ms)
        TxLog low = log(30, 3, 300_000, 7);
        LoadFit fit = LoadFit.fit(low, 1).orElseThrow();
        assertTrue(fit.pairs() > 5_000, "pairs: " + fit.pairs());
        assertTrue(fit.seMs() < 0.03 * 3, "SE " + fit.seMs());
        assertEquals(3, fit.demandMs(), 4 * fit.seMs(), fit.toString());
        assertEquals(low.ratePerS() * fit.demandMs() / 1000, fit.utilisation(), 1e-12);
        // a linear dependence through 1 x at full load and demand / capacity demand at this utilisation
        double f = fit.idleFactor(2);
        assertEquals(fit.demandMs() / 2, f - (f - 1) * fit.utilisation(), 1e-12);
    }

    @Test
    void itIsShownOnlyWellAboveTheDemandAtCapacity() {
        TxLog low = log(30, 3, 300_000, 7);
        double se = LoadFit.fit(low, 1).orElseThrow().seMs();
        assertTrue(LoadFit.fit(low, 3).isEmpty(), "the demand at capacity itself: no load dependence");
        assertTrue(LoadFit.fit(low, 3 - 5 * se).isPresent(), "5 SE below it: shown");
        assertTrue(LoadFit.fit(log(30, 3, 200, 7), 1).isEmpty(), "too few pairs to read");
    }
}
