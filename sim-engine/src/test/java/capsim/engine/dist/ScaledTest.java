package capsim.engine.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import capsim.engine.random.RandomStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScaledTest {
    private static final List<Distribution> ALL = List.of(
            new Exponential(4), new Deterministic(3), new Uniform(2, 8), LogNormal.ofMeanCv(8, 1.5),
            Gamma.ofMeanCv(10, 2), Weibull.ofMeanCv(10, 0.7), Pareto.ofMeanCv(10, 0.8), Pareto.ofMeanAlpha(6, 1.5),
            new Geometric(30), new Empirical(new double[] {1, 2, 2, 7, 10}));

    @Test
    void scalingMultipliesMeanByFactorAndVarianceBySquare() {
        double factor = 2.5;
        for (Distribution d : ALL) {
            Distribution s = d.scaled(factor);
            assertEquals(d.getClass(), s.getClass());
            assertEquals(factor * d.mean(), s.mean(), 1e-9 * d.mean(), () -> d + " mean");
            assertEquals(factor * factor * d.variance(), s.variance(), 1e-9 * d.variance(), () -> d + " variance");
        }
    }

    @Test
    void scaledSamplesAreTheSameDrawsTimesTheFactor() {
        // a scaled copy turns the same random numbers into factor-times-larger values
        for (Distribution d : ALL) {
            Distribution s = d.scaled(3);
            RandomStream a = new RandomStream(21);
            RandomStream b = new RandomStream(21);
            for (int i = 0; i < 1000; i++) {
                double x = d.sample(a);
                assertEquals(3 * x, s.sample(b), 1e-9 * x, () -> d.toString());
            }
        }
    }

    @Test
    void scaledGeometricCountsInUnitsOfTheFactor() {
        assertTrue(new Geometric(30).scaled(2).integerValued());
        assertFalse(new Geometric(30).scaled(0.5).integerValued());
    }

    @Test
    void rejectsNonPositiveFactor() {
        for (Distribution d : ALL) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.scaled(0));
            assertTrue(e.getMessage().contains("scale factor"), e.getMessage());
        }
    }
}
