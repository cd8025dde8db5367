package capsim.engine.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GammaTest {
    @Test
    void shapeAndScaleFromMeanCv() {
        // mean 10, cv 0.5: k = 1 / 0.25 = 4, theta = 10 / 4 = 2.5, variance k theta^2 = 25
        Gamma d = Gamma.ofMeanCv(10, 0.5);
        assertEquals(4, d.shape(), 1e-12);
        assertEquals(2.5, d.scale(), 1e-12);
        assertEquals(25, d.variance(), 1e-12);
        // mean 10, cv 2: k = 0.25, theta = 40, variance 0.25 * 1600 = 400
        Gamma heavy = Gamma.ofMeanCv(10, 2);
        assertEquals(0.25, heavy.shape(), 1e-12);
        assertEquals(40, heavy.scale(), 1e-12);
        assertEquals(400, heavy.variance(), 1e-12);
    }

    @Test
    void sampleMomentsMatchAboveAndBelowShapeOne() {
        // k = 4 (plain Marsaglia-Tsang), k = 1 (exponential), k = 0.25 (boosted by U^(1/k))
        for (double cv : new double[] {0.5, 1, 2}) {
            Gamma d = Gamma.ofMeanCv(10, cv);
            // gamma fourth central moment: 3 k theta^4 (k + 2)
            double k = d.shape();
            double mu4 = 3 * k * Math.pow(d.scale(), 4) * (k + 2);
            MomentCheck.assertMoments(d, mu4, 14);
        }
    }

    @Test
    void rejectsBadParameters() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Gamma.ofMeanCv(10, -1));
        assertTrue(e.getMessage().contains("gamma cv"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Gamma.ofMeanCv(0, 1));
        assertTrue(e.getMessage().contains("gamma mean"), e.getMessage());
    }
}
