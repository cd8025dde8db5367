package capsim.engine.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ParetoTest {
    @Test
    void closedFormsForAlphaThree() {
        // mean 6, alpha 3: xm = 6 * 2 / 3 = 4; variance 16 * 3 / (2^2 * 1) = 12; cv = sqrt(12) / 6 = 1/sqrt(3)
        Pareto d = Pareto.ofMeanAlpha(6, 3);
        assertEquals(4, d.xm(), 1e-12);
        assertEquals(12, d.variance(), 1e-12);
        // the cv form inverts it: alpha = 1 + sqrt(1 + 1/cv^2) = 1 + sqrt(4) = 3
        Pareto fromCv = Pareto.ofMeanCv(6, 1 / Math.sqrt(3));
        assertEquals(3, fromCv.alpha(), 1e-12);
        assertEquals(12, fromCv.variance(), 1e-9);
        // median xm 2^(1/alpha) = 4 * 1.2599210499 = 5.0396841996
        assertEquals(5.0396841996, d.quantile(0.5), 1e-9);
    }

    @Test
    void infiniteVarianceAtOrBelowAlphaTwo() {
        assertEquals(Double.POSITIVE_INFINITY, Pareto.ofMeanAlpha(6, 2).variance());
        assertEquals(Double.POSITIVE_INFINITY, Pareto.ofMeanAlpha(6, 1.5).variance());
    }

    @Test
    void sampleMomentsMatchWithFiniteFourthMoment() {
        // cv 0.25: alpha = 1 + sqrt(17) = 5.1231 > 4, so the fourth moment exists:
        // raw moments E[X^n] = alpha xm^n / (alpha - n)
        Pareto d = Pareto.ofMeanCv(10, 0.25);
        double[] raw = new double[5];
        for (int n = 1; n <= 4; n++) {
            raw[n] = d.alpha() * Math.pow(d.xm(), n) / (d.alpha() - n);
        }
        assertEquals(10, raw[1], 1e-12);
        assertEquals(d.variance(), raw[2] - raw[1] * raw[1], 1e-9);
        double[] xs = MomentCheck.assertMoments(d, MomentCheck.centralFourth(raw[1], raw[2], raw[3], raw[4]), 16);
        for (double x : xs) {
            assertTrue(x >= d.xm(), "sample below xm: " + x);
        }
    }

    @Test
    void quantilesMatchWhenVarianceIsInfinite() {
        // alpha 1.5: infinite variance, so check quantiles, not moments. The fraction of samples at
        // or below the exact q-quantile is Binomial(n, q) / n, standard error sqrt(q (1 - q) / n).
        Pareto d = Pareto.ofMeanAlpha(6, 1.5);
        int n = MomentCheck.N;
        double[] xs = MomentCheck.draw(d, 17, n);
        for (double q : new double[] {0.5, 0.9, 0.99}) {
            double quantile = d.quantile(q);
            long below = 0;
            for (double x : xs) {
                if (x <= quantile) {
                    below++;
                }
            }
            assertEquals(q, (double) below / n, 5 * Math.sqrt(q * (1 - q) / n), "fraction below q=" + q);
        }
    }

    @Test
    void rejectsBadParameters() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Pareto.ofMeanAlpha(6, 1));
        assertTrue(e.getMessage().contains("pareto alpha"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Pareto.ofMeanCv(6, 0));
        assertTrue(e.getMessage().contains("pareto cv"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Pareto.ofMeanCv(-6, 1));
        assertTrue(e.getMessage().contains("pareto mean"), e.getMessage());
    }
}
