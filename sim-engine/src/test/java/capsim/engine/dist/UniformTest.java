package capsim.engine.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UniformTest {
    @Test
    void closedFormMoments() {
        // Uniform(2, 8): mean (2 + 8) / 2 = 5, variance 6^2 / 12 = 3
        Uniform d = new Uniform(2, 8);
        assertEquals(5, d.mean());
        assertEquals(3, d.variance());
    }

    @Test
    void sampleMomentsMatchAndStayInRange() {
        // uniform fourth central moment: width^4 / 80
        double[] xs = MomentCheck.assertMoments(new Uniform(2, 8), Math.pow(6, 4) / 80, 12);
        for (double x : xs) {
            assertTrue(x >= 2 && x <= 8, "sample " + x);
        }
    }

    @Test
    void rejectsBadBounds() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Uniform(5, 4));
        assertTrue(e.getMessage().contains("uniform max"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Uniform(-1, 4));
        assertTrue(e.getMessage().contains("uniform min"), e.getMessage());
    }
}
