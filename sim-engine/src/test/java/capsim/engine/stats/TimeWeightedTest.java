package capsim.engine.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TimeWeightedTest {
    @Test
    void averageOfAPiecewiseFunctionByHand() {
        // value 0 on [0,1), 2 on [1,3), 5 on [3,4), 1 from 4 on
        TimeWeighted tw = new TimeWeighted(0, 0);
        tw.update(1, 2);
        tw.update(3, 5);
        tw.update(4, 1);
        // integral to 6: 0*1 + 2*2 + 5*1 + 1*2 = 11; average 11 / 6
        assertEquals(11, tw.integral(6), 1e-12);
        assertEquals(11.0 / 6, tw.average(6), 1e-12);
        assertEquals(0, tw.min());
        assertEquals(5, tw.max());
    }

    @Test
    void resetDiscardsWarmUp() {
        TimeWeighted tw = new TimeWeighted(0, 0);
        tw.update(1, 2);
        tw.update(3, 5);
        tw.reset(3.5); // warm-up ends while the value is 5
        tw.update(4, 1);
        // from 3.5 to 6: 5*0.5 + 1*2 = 4.5 over 2.5 s = 1.8
        assertEquals(1.8, tw.average(6), 1e-12);
        assertEquals(1, tw.min());
        assertEquals(5, tw.max());
        tw.update(7, 3);
        // to 10: 4.5 + 1*1 (6..7) + 3*3 = 14.5 over 6.5 s
        assertEquals(14.5 / 6.5, tw.average(10), 1e-12);
        assertEquals(3, tw.value());
    }

    @Test
    void noElapsedTimeGivesTheCurrentValue() {
        TimeWeighted tw = new TimeWeighted(2, 4);
        assertEquals(4, tw.average(2));
    }

    @Test
    void longRunsStayExact() {
        // a million changes, alternating 1 and 3 every 0.001 s: the average over 1000 s is 2
        TimeWeighted tw = new TimeWeighted(0, 1);
        for (int k = 1; k <= 1_000_000; k++) {
            tw.update(k * 0.001, k % 2 == 0 ? 1 : 3);
        }
        assertEquals(2, tw.average(1000), 1e-12);
    }

    @Test
    void timeMustNotGoBackwards() {
        TimeWeighted tw = new TimeWeighted(0, 0);
        tw.update(5, 1);
        assertThrows(IllegalArgumentException.class, () -> tw.update(4, 2));
        assertThrows(IllegalArgumentException.class, () -> tw.average(4));
    }
}
