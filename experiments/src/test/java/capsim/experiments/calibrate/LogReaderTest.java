package capsim.experiments.calibrate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogReaderTest {
    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        if (name.endsWith(".gz")) {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
        } else {
            Files.writeString(p, text);
        }
        return p;
    }

    @Test
    void pgbenchPerTransactionLogGivesStartsLatenciesAndTheRateFromTheCounters() throws Exception {
        // client 0 logged transactions 1 and 4 of 1..4 (sampled), client 1 transactions 2 and 3:
        // 4 + 2 = 6 transactions. Ends at 100.5, 101.0, 100.8, 102.0 s with latencies 500, 1000,
        // 300, 2000 us: starts 100.4995, 100.999, 100.7997, 101.998, so the span is 1.4985 s.
        Path log = file("low.log.gz", """
                0 1 500 0 100 500000 12
                1 2 1000 0 101 0 3
                0 4 300 0 100 800000
                1 3 2000 0 102 0
                """);
        TxLog t = LogReader.read(log, LogReader.detect(log));
        assertEquals(4, t.size());
        assertArrayEquals(new double[] {0.5, 1.0, 0.3, 2.0}, t.latencyMs(), 1e-12);
        assertEquals(1.4985, t.spanS(), 1e-9);
        assertEquals(6 / 1.4985, t.ratePerS(), 1e-9);
        assertEquals(2, t.clients());
        assertEquals(0, t.startS()[0], 1e-9);
    }

    @Test
    void pgbenchAggregateLogGivesThroughputPerSecondSummedOverThreads() throws Exception {
        Path log = file("capacity.log", """
                1796604717 4795 10267951 166642948479 70 86490 0 0 0 0 0 0 0 0 0
                1796604718 8482 15817757 66494747459 75 60619 0 0 0 0 0 0 0 0 0
                1796604718 18 15817757 66494747459 75 60619 0 0 0 0 0 0 0 0 0
                1796604720 8394 15838111 43477288837 95 23973 0 0 0 0 0 0 0 0 0
                """);
        TxLog t = LogReader.read(log, LogFormat.PGBENCH);
        assertArrayEquals(new long[] {4795, 8500, 0, 8394}, t.perSecond());
    }

    @Test
    void jmeterAndPlainCsv() throws Exception {
        Path jmeter = file("results.csv", """
                timeStamp,elapsed,label,responseCode
                1700000000000,12,login,200
                1700000000500,30,login,200
                """);
        TxLog j = LogReader.read(jmeter, LogReader.detect(jmeter));
        assertArrayEquals(new double[] {12, 30}, j.latencyMs());
        assertArrayEquals(new double[] {0, 0.5}, j.startS(), 1e-9);
        Path csv = file("plain.csv", "start_s,latency_ms\n0.0,1.5\n0.25,2.5\n1.0,3\n");
        TxLog c = LogReader.read(csv, LogReader.detect(csv));
        assertEquals(LogFormat.CSV, LogReader.detect(csv));
        assertArrayEquals(new double[] {1.5, 2.5, 3}, c.latencyMs());
        assertEquals(3, c.ratePerS(), 1e-12); // 3 transactions over a 1 s span
    }

    @Test
    void aBadLineNamesTheFileAndTheLine() throws Exception {
        Path log = file("bad.log", "0 1 500 0 100 500000\n0 2 x 0 100 600000\n");
        BadLogException e = assertThrows(BadLogException.class, () -> LogReader.read(log, LogFormat.PGBENCH));
        assertTrue(e.getMessage().startsWith(log + ":2: 'x' is not a whole number"), e.getMessage());
        Path csv = file("short.csv", "start_s,latency_ms\n0.1,2\n0.2\n");
        e = assertThrows(BadLogException.class, () -> LogReader.read(csv, LogFormat.CSV));
        assertTrue(e.getMessage().startsWith(csv + ":3: expected 'start_s,latency_ms'"), e.getMessage());
    }

    @Test
    void anEmptyLogIsAnError() throws Exception {
        Path log = file("empty.log", "");
        BadLogException e = assertThrows(BadLogException.class, () -> LogReader.read(log, LogFormat.PGBENCH));
        assertEquals(log + ": empty log (no transactions)", e.getMessage());
        assertThrows(BadLogException.class, () -> LogReader.detect(log));
    }
}
