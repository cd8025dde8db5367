package capsim.engine.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ConfidenceIntervalTest {
    @Test
    void studentTIntervalByHand() {
        // 1, 2, 3, 4, 5: mean 3, s = sqrt(10 / 4) = 1.5811388, t_{0.975,4} = 2.7764451,
        // half-width 2.7764451 * 1.5811388 / sqrt(5) = 1.9632432
        ConfidenceInterval ci = ConfidenceInterval.ofMean95(1, 2, 3, 4, 5);
        assertEquals(3 - 1.9632432, ci.lo(), 1e-6);
        assertEquals(3 + 1.9632432, ci.hi(), 1e-6);
        assertEquals(1.9632432, ci.halfWidth(), 1e-6);
        // 90%: t_{0.95,4} = 2.1318468, half-width 2.1318468 * 1.5811388 / sqrt(5) = 1.5074433
        assertEquals(1.5074433, ConfidenceInterval.ofMean(0.90, 1, 2, 3, 4, 5).halfWidth(), 1e-6);
    }

    @Test
    void intervalOfAnEstimateWithFractionalDegreesOfFreedom() {
        // t_{0.975, 2.5} = 3.5746548 and z_{0.975} = 1.9599640 (scipy.stats t.ppf, norm.ppf)
        assertEquals(3.5746548, ConfidenceInterval.ofEstimate(0.95, 10, 1, 2.5).halfWidth(), 1e-6);
        assertEquals(10 + 2 * 1.9599640, ConfidenceInterval.ofEstimate(0.95, 10, 2, Double.POSITIVE_INFINITY).hi(),
                1e-6);
        assertEquals(new ConfidenceInterval(10, 10), ConfidenceInterval.ofEstimate(0.95, 10, 0, 3));
        assertThrows(IllegalArgumentException.class, () -> ConfidenceInterval.ofEstimate(0.95, 10, -1, 3));
    }

    @Test
    void oneValueOrNoSpreadIsThePointItself() {
        assertEquals(new ConfidenceInterval(7, 7), ConfidenceInterval.ofMean95(7));
        assertEquals(new ConfidenceInterval(7, 7), ConfidenceInterval.ofMean95(7, 7, 7));
    }

    @Test
    void rejectsNoValuesAndBadLevel() {
        assertThrows(IllegalArgumentException.class, ConfidenceInterval::ofMean95);
        assertThrows(IllegalArgumentException.class, () -> ConfidenceInterval.ofMean(1, 1, 2));
        assertThrows(IllegalArgumentException.class, () -> ConfidenceInterval.ofMean95(1, Double.NaN));
    }
}
