package capsim.engine.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WindowedLatencyTest {
    @Test
    void eachWindowHoldsWhatWasRecordedSinceThePreviousClose() {
        LatencyRecorder all = new LatencyRecorder();
        WindowedLatency windows = new WindowedLatency(all, 3);
        // window 0: 1..100 ms -> count 100, mean 50.5, p99 = 99 ms
        for (int ms = 1; ms <= 100; ms++) {
            all.recordMicros(ms * 1000L);
        }
        windows.close(0);
        // window 1: nothing
        windows.close(1);
        // window 2: 200 values of 5 ms -> mean 5, p99 5
        for (int k = 0; k < 200; k++) {
            all.recordMicros(5000);
        }
        windows.close(2);

        assertEquals(100, windows.count(0));
        assertEquals(50.5, windows.meanMs(0), 1e-12);
        // HdrHistogram at 3 digits: 99 ms is reported within 0.1%
        assertEquals(99, windows.p99Ms(0), 99 * 0.001);
        // 1..100 ms: the 50th value is 50 ms, the 95th 95 ms (within 0.1%)
        assertEquals(50, windows.p50Ms(0), 50 * 0.001);
        assertEquals(95, windows.p95Ms(0), 95 * 0.001);
        assertEquals(0, windows.count(1));
        assertEquals(0, windows.p99Ms(1));
        assertEquals(200, windows.count(2));
        assertEquals(5, windows.meanMs(2), 1e-12);
        assertEquals(5, windows.p99Ms(2), 5 * 0.001);
        assertEquals(5, windows.p50Ms(2), 5 * 0.001);
        assertEquals(0, windows.p50Ms(1));
        assertEquals(300, all.count(), "the cumulative recorder keeps everything");
    }

    /* Each window's figures are those of a recorder that held only that window's values, exactly. */
    @Test
    void eachWindowEqualsARecorderOfItsOwnValues() {
        LatencyRecorder all = new LatencyRecorder();
        WindowedLatency windows = new WindowedLatency(all, 6);
        java.util.Random rnd = new java.util.Random(5);
        for (int w = 0; w < 6; w++) {
            LatencyRecorder own = new LatencyRecorder();
            int n = w == 3 ? 0 : 500 * (w + 1);
            for (int k = 0; k < n; k++) {
                double s = Math.exp(rnd.nextGaussian() * (1 + w)) * 0.01; // wider each window, up past the clamp
                all.recordSeconds(s);
                own.recordSeconds(s);
            }
            windows.close(w);

            assertEquals(own.count(), windows.count(w), "window " + w);
            assertEquals(n == 0 ? 0 : own.percentileMs(50), windows.p50Ms(w), 0, "window " + w);
            assertEquals(n == 0 ? 0 : own.percentileMs(95), windows.p95Ms(w), 0, "window " + w);
            assertEquals(n == 0 ? 0 : own.percentileMs(99), windows.p99Ms(w), 0, "window " + w);
        }
    }
}
