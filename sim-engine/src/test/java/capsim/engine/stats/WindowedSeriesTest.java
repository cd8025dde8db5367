package capsim.engine.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WindowedSeriesTest {
    @Test
    void busyIntervalsSplitExactlyOverThreeWindows() {
        // windows [0,10) [10,20) [20,30)
        WindowedSeries w = new WindowedSeries(0, 30, 10);
        assertEquals(3, w.windowCount());
        w.addBusy(5, 25, 2); // 2*5 | 2*10 | 2*5  = 10 | 20 | 10
        w.addBusy(-5, 3, 1); // clipped to [0,3): 3 | 0 | 0
        w.addBusy(28, 40, 1); // clipped to [28,30): 0 | 0 | 2
        w.addBusy(12, 12, 9); // empty interval: nothing
        assertEquals(13, w.busy(0), 1e-12);
        assertEquals(20, w.busy(1), 1e-12);
        assertEquals(12, w.busy(2), 1e-12);
        assertEquals(1.3, w.busyAverage(0), 1e-12);
        assertEquals(2.0, w.busyAverage(1), 1e-12);
        assertEquals(1.2, w.busyAverage(2), 1e-12);
    }

    @Test
    void lastWindowIsCutAtTheEnd() {
        // [0,10) [10,20) [20,25): one busy server throughout averages 1 in each, the last one included
        WindowedSeries w = new WindowedSeries(0, 25, 10);
        assertEquals(3, w.windowCount());
        assertEquals(5, w.windowLengthS(2));
        w.addBusy(0, 25, 1);
        for (int i = 0; i < 3; i++) {
            assertEquals(1, w.busyAverage(i), 1e-12);
        }
    }

    @Test
    void anExactFitHasNoSliverWindow() {
        // 0.3 / 0.1 = 2.9999999999999996 in binary floating point: still 3 windows
        assertEquals(3, new WindowedSeries(0, 0.3, 0.1).windowCount());
        assertEquals(55, new WindowedSeries(300, 3600, 60).windowCount());
    }

    @Test
    void latenciesPerWindow() {
        WindowedSeries w = new WindowedSeries(0, 30, 10);
        w.recordLatency(1, 0.010);
        w.recordLatency(9.5, 0.020);
        w.recordLatency(15, 0.005);
        w.recordLatency(-1, 1.0); // before the start: ignored
        w.recordLatency(30, 1.0); // at the end: ignored
        assertEquals(2, w.count(0));
        assertEquals(1, w.count(1));
        assertEquals(0, w.count(2));
        assertEquals(15, w.meanMs(0), 1e-12); // (10 + 20) / 2, exact
        assertEquals(5, w.meanMs(1), 1e-12);
        // 2 significant digits: a percentile is within 1% of the recorded value
        assertEquals(20, w.p99Ms(0), 0.01 * 20);
        assertEquals(5, w.p99Ms(1), 0.01 * 5);
        assertEquals(0, w.p99Ms(2));
    }

    @Test
    void levelIsTimeAveragedPerWindow() {
        WindowedSeries w = new WindowedSeries(0, 30, 10);
        w.updateLevel(-5, 4); // set during warm-up: 4 from the start
        w.updateLevel(15, 2);
        w.updateLevel(18, 6); // and 6 until the end
        // window 0: 4; window 1: (4*5 + 2*3 + 6*2) / 10 = 38 / 10; window 2: 6
        assertEquals(4, w.levelAverage(0), 1e-12);
        assertEquals(3.8, w.levelAverage(1), 1e-12);
        assertEquals(6, w.levelAverage(2), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> w.updateLevel(17, 1));
    }

    @Test
    void rejectsBadWindows() {
        assertThrows(IllegalArgumentException.class, () -> new WindowedSeries(0, 30, 0));
        assertThrows(IllegalArgumentException.class, () -> new WindowedSeries(30, 30, 10));
    }
}
