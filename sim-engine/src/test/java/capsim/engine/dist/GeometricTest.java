package capsim.engine.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import capsim.engine.random.RandomStream;
import org.junit.jupiter.api.Test;

class GeometricTest {
    @Test
    void closedFormMoments() {
        // mean 4: p = 0.25, variance (1 - p) / p^2 = 0.75 / 0.0625 = 12
        Geometric d = new Geometric(4);
        assertEquals(0.25, d.p());
        assertEquals(4, d.mean());
        assertEquals(12, d.variance(), 1e-12);
        assertTrue(d.integerValued());
    }

    @Test
    void sampleMomentsMatchAndAreWholeNumbersFromOne() {
        for (double mean : new double[] {4, 30}) {
            Geometric d = new Geometric(mean);
            // geometric fourth central moment: var^2 (9 + p^2 / (1 - p)) (excess kurtosis 6 + p^2/(1-p))
            double p = d.p();
            double mu4 = d.variance() * d.variance() * (9 + p * p / (1 - p));
            double[] xs = MomentCheck.assertMoments(d, mu4, 18);
            long ones = 0;
            for (double x : xs) {
                assertTrue(x >= 1 && x == Math.rint(x), "sample " + x);
                ones += x == 1 ? 1 : 0;
            }
            // P(N = 1) = p; the observed fraction has standard error sqrt(p (1 - p) / n)
            int n = xs.length;
            assertEquals(p, (double) ones / n, 5 * Math.sqrt(p * (1 - p) / n), "P(N = 1)");
        }
    }

    @Test
    void meanOneAlwaysGivesOne() {
        Geometric d = new Geometric(1);
        RandomStream rng = new RandomStream(19);
        for (int i = 0; i < 10_000; i++) {
            assertEquals(1, d.sample(rng));
        }
        assertEquals(0, d.variance());
    }

    @Test
    void rejectsMeanBelowOne() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Geometric(0.5));
        assertTrue(e.getMessage().contains("geometric mean"), e.getMessage());
    }
}
