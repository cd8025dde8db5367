package capsim.experiments.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** A measured run's figures leave out its first second, the load generator's start-up. */
class CheckTest {
    @Test
    void theFirstSecondIsLeftOutOfTheMeasuredFigures() {
        // 10 transactions in the first second at 50 ms (connections opening), then 100 at 1, 2, ...
        // 100 ms, one every 0.1 s from 1.0 s. Without the first 10: mean 50.5, nearest-rank p90 the
        // 90th value (90 ms), p99 the 99th (99 ms); with them the mean would be (500 + 5050) / 110.
        double[] start = new double[110];
        double[] latency = new double[110];
        for (int i = 0; i < 10; i++) {
            start[i] = 0.1 * i;
            latency[i] = 50;
        }
        for (int i = 0; i < 100; i++) {
            start[10 + i] = 1 + 0.1 * i;
            latency[10 + i] = 1 + i;
        }
        TxLog log = new TxLog("run", start, latency, 10.9, 110 / 10.9, new long[0], 1);
        Check.Figures f = Check.measured(log);
        assertEquals(50.5, f.mean(), 1e-12);
        assertEquals(90, f.p90(), 0);
        assertEquals(99, f.p99(), 0);
        TxLog trimmed = log.afterStartUp();
        assertEquals(100, trimmed.size());
        assertEquals(log.ratePerS(), trimmed.ratePerS(), 0); // the rate counts the whole run
        // a log of which the first second holds half or more is kept whole
        TxLog shortLog = new TxLog("short", new double[] {0.2, 0.5, 1.5}, new double[] {1, 2, 3}, 1.3, 3 / 1.3,
                new long[0], 1);
        assertSame(shortLog, shortLog.afterStartUp());
    }
}
