package capsim.engine.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;

class WeibullTest {
    @Test
    void cvOneIsTheExponential() {
        // k = 1: Gamma(3) / Gamma(2)^2 - 1 = 2 - 1 = 1, scale = mean / Gamma(2) = mean
        Weibull d = Weibull.ofMeanCv(10, 1);
        assertEquals(1, d.shape(), 1e-9);
        assertEquals(10, d.scale(), 1e-8);
    }

    @Test
    void shapeSolveMatchesHandValues() {
        // k = 2: cv^2 = Gamma(2) / Gamma(1.5)^2 - 1 = 1 / (pi / 4) - 1 = 4/pi - 1, cv = 0.5227232009;
        //        scale = mean / Gamma(1.5) = 2 mean / sqrt(pi)
        Weibull two = Weibull.ofMeanCv(10, Math.sqrt(4 / Math.PI - 1));
        assertEquals(2, two.shape(), 1e-9);
        assertEquals(20 / Math.sqrt(Math.PI), two.scale(), 1e-8);
        // k = 0.5: cv^2 = Gamma(5) / Gamma(3)^2 - 1 = 24 / 4 - 1 = 5; scale = mean / Gamma(3) = mean / 2
        Weibull half = Weibull.ofMeanCv(10, Math.sqrt(5));
        assertEquals(0.5, half.shape(), 1e-9);
        assertEquals(5, half.scale(), 1e-8);
    }

    @Test
    void shapeSolveReproducesTheCvAcrossTheSupportedRange() {
        // the solved k put back into cv^2 = Gamma(1 + 2/k) / Gamma(1 + 1/k)^2 - 1 gives the cv asked for
        for (double cv : new double[] {Weibull.MIN_CV, 0.1, 0.7, 3, 50, Weibull.MAX_CV}) {
            double k = Weibull.ofMeanCv(10, cv).shape();
            double lnRatio = Gamma.logGamma(1 + 2 / k) - 2 * Gamma.logGamma(1 + 1 / k);
            assertEquals(cv, Math.sqrt(Math.expm1(lnRatio)), 1e-8 * cv, "cv " + cv);
        }
    }

    @Test
    void sampleMomentsMatch() {
        for (double cv : new double[] {0.3, 1.5}) {
            Weibull d = Weibull.ofMeanCv(10, cv);
            // Weibull raw moments E[X^n] = scale^n Gamma(1 + n/k); fourth central moment from those
            double[] raw = new double[5];
            for (int n = 1; n <= 4; n++) {
                raw[n] = Math.pow(d.scale(), n) * Gamma.gamma(1 + n / d.shape());
            }
            assertEquals(d.variance(), raw[2] - raw[1] * raw[1], 1e-9 * d.variance(), "closed-form variance");
            MomentCheck.assertMoments(d, MomentCheck.centralFourth(raw[1], raw[2], raw[3], raw[4]), 15);
        }
    }

    @Test
    void rejectsBadParameters() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Weibull.ofMeanCv(10, 0));
        assertTrue(e.getMessage().contains("weibull cv"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Weibull.ofMeanCv(Double.NaN, 1));
        assertTrue(e.getMessage().contains("weibull mean"), e.getMessage());
    }
}
