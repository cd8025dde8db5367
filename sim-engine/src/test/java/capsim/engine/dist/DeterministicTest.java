package capsim.engine.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import capsim.engine.random.RandomStream;
import org.junit.jupiter.api.Test;

class DeterministicTest {
    @Test
    void everySampleIsTheValue() {
        Deterministic d = new Deterministic(2.5);
        RandomStream rng = new RandomStream(1);
        for (int i = 0; i < 100; i++) {
            assertEquals(2.5, d.sample(rng));
        }
        assertEquals(2.5, d.mean());
        assertEquals(0, d.variance());
    }

    @Test
    void integerValuedOnlyForWholeValues() {
        assertTrue(new Deterministic(3).integerValued());
        assertFalse(new Deterministic(0.02).integerValued());
    }

    @Test
    void rejectsNegativeValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Deterministic(-1));
        assertTrue(e.getMessage().contains("deterministic value"), e.getMessage());
    }
}
