package capsim.engine.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LatencyRecorderTest {
    /** HdrHistogram with 3 significant digits reports a value within 0.1% of the recorded one. */
    private static final double RELATIVE_PRECISION = 1e-3;

    @Test
    void percentilesOfAUniformSetWithinStatedPrecision() {
        // 1, 2, ..., 100000 us: the q-th percentile is 1000 q us, the max 100000 us, the mean 50000.5 us
        LatencyRecorder r = new LatencyRecorder();
        for (long us = 1; us <= 100_000; us++) {
            r.recordMicros(us);
        }
        assertEquals(100_000, r.count());
        assertEquals(50.0005, r.meanMs(), 1e-12);
        for (double q : new double[] {50, 90, 95, 99, 99.9}) {
            double exactMs = q;
            assertEquals(exactMs, r.percentileMs(q), RELATIVE_PRECISION * exactMs, "p" + q);
        }
        assertEquals(100, r.maxMs(), RELATIVE_PRECISION * 100);
    }

    @Test
    void secondsAreRoundedToMicroseconds() {
        LatencyRecorder r = new LatencyRecorder();
        r.recordSeconds(0.0123456); // 12345.6 us -> 12346 us
        assertEquals(12.346, r.meanMs(), 1e-12);
    }

    @Test
    void outOfRangeValuesAreClampedAndCounted() {
        LatencyRecorder r = new LatencyRecorder();
        r.recordSeconds(7200); // two hours: clamped to one hour
        r.recordMicros(0); // below the resolution: counted as 1 us in the histogram, 0 in the mean
        assertEquals(2, r.count());
        assertEquals(1, r.clamped());
        assertEquals(3_600_000, r.maxMs(), RELATIVE_PRECISION * 3_600_000);
        assertEquals(1_800_000, r.meanMs(), 1e-9);
    }

    @Test
    void resetForgetsEverything() {
        LatencyRecorder r = new LatencyRecorder();
        r.recordSeconds(7200);
        r.reset();
        assertEquals(0, r.count());
        assertEquals(0, r.clamped());
        assertEquals(0, r.meanMs());
        assertEquals(0, r.percentileMs(99));
    }
}
