package capsim.engine.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EmpiricalTest {
    private static final double[] SAMPLES = {1, 2, 2, 7, 10};

    @Test
    void populationMoments() {
        // mean 22 / 5 = 4.4; deviations -3.4 -2.4 -2.4 2.6 5.6,
        // squares 11.56 + 5.76 + 5.76 + 6.76 + 31.36 = 61.2, variance 61.2 / 5 = 12.24
        Empirical d = new Empirical(SAMPLES);
        assertEquals(4.4, d.mean(), 1e-12);
        assertEquals(12.24, d.variance(), 1e-12);
        assertTrue(d.integerValued());
        assertFalse(new Empirical(new double[] {1, 2.5}).integerValued());
    }

    @Test
    void resamplingMatchesMomentsAndOnlyGivesSamples() {
        // fourth central moment: (3.4^4 + 2 * 2.4^4 + 2.6^4 + 5.6^4) / 5
        //   = (133.6336 + 66.3552 + 45.6976 + 983.4496) / 5 = 245.8272
        double[] xs = MomentCheck.assertMoments(new Empirical(SAMPLES), 245.8272, 20);
        for (double x : xs) {
            assertTrue(x == 1 || x == 2 || x == 7 || x == 10, "sample " + x);
        }
    }

    @Test
    void copiesItsInput() {
        double[] samples = SAMPLES.clone();
        Empirical d = new Empirical(samples);
        samples[0] = 1000;
        assertEquals(4.4, d.mean(), 1e-12);
    }

    @Test
    void rejectsEmptyOrNegativeSamples() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Empirical(new double[0]));
        assertTrue(e.getMessage().contains("empirical samples"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Empirical(new double[] {1, -1}));
        assertTrue(e.getMessage().contains("empirical samples"), e.getMessage());
    }
}
