package capsim.engine.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ExponentialTest {
    @Test
    void closedFormMoments() {
        Exponential d = new Exponential(4);
        assertEquals(4, d.mean());
        assertEquals(16, d.variance());
        assertEquals(1, d.cv(), 1e-15);
        assertFalse(d.integerValued());
    }

    @Test
    void sampleMomentsMatch() {
        // exponential fourth central moment: 9 mean^4
        MomentCheck.assertMoments(new Exponential(4), 9 * Math.pow(4, 4), 11);
    }

    @Test
    void rejectsNonPositiveMean() {
        assertThrows(IllegalArgumentException.class, () -> new Exponential(0));
        assertThrows(IllegalArgumentException.class, () -> new Exponential(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new Exponential(Double.POSITIVE_INFINITY));
    }
}
