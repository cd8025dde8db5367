package capsim.engine.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LatencySummaryTest {
    @Test
    void mergingReplicationsEqualsRecordingEverythingIntoOne() {
        LatencyRecorder first = new LatencyRecorder();
        LatencyRecorder second = new LatencyRecorder();
        LatencyRecorder everything = new LatencyRecorder();
        for (long us = 1; us <= 100_000; us++) {
            first.recordMicros(us);
            second.recordMicros(2 * us + 7);
            everything.recordMicros(us);
            everything.recordMicros(2 * us + 7);
        }
        LatencySummary merged = LatencySummary.merge(List.of(first, second));
        assertEquals(everything.count(), merged.count());
        assertEquals(everything.meanMs(), merged.mean(), 1e-12);
        assertEquals(everything.percentileMs(50), merged.p50());
        assertEquals(everything.percentileMs(90), merged.p90());
        assertEquals(everything.percentileMs(95), merged.p95());
        assertEquals(everything.percentileMs(99), merged.p99());
        assertEquals(everything.percentileMs(99.9), merged.p999());
        assertEquals(everything.maxMs(), merged.max());
    }

    @Test
    void p99IntervalComesFromThePerReplicationP99s() {
        LatencyRecorder first = new LatencyRecorder();
        LatencyRecorder second = new LatencyRecorder();
        for (long us = 1; us <= 100_000; us++) {
            first.recordMicros(us);
            second.recordMicros(2 * us);
        }
        double a = first.percentileMs(99); // about 99 ms
        double b = second.percentileMs(99); // about 198 ms
        // two values: s = |a - b| / sqrt(2), half-width t_{0.975,1} s / sqrt(2) = 12.7062047 |a - b| / 2
        double halfWidth = 12.7062047 * Math.abs(a - b) / 2;
        LatencySummary merged = LatencySummary.merge(List.of(first, second));
        // the lower end, (a + b) / 2 - halfWidth = about -480 ms, is clamped: a latency cannot be negative
        assertEquals(0, merged.p99Ci95Lo());
        assertEquals((a + b) / 2 + halfWidth, merged.p99Ci95Hi(), 1e-5);
    }

    @Test
    void oneReplicationGivesAPointIntervalAndEmptyGivesEmpty() {
        LatencyRecorder only = new LatencyRecorder();
        only.recordMicros(5_000);
        LatencySummary s = LatencySummary.merge(List.of(only, new LatencyRecorder()));
        assertEquals(1, s.count());
        assertEquals(s.p99(), s.p99Ci95Lo());
        assertEquals(s.p99(), s.p99Ci95Hi());
        assertEquals(LatencySummary.EMPTY, LatencySummary.merge(List.of(new LatencyRecorder())));
        assertEquals(LatencySummary.EMPTY, LatencySummary.merge(List.of()));
    }
}
