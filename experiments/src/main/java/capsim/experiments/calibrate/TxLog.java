package capsim.experiments.calibrate;

import java.util.Arrays;

/**
 * The transactions of one load-test run: each one's intended start (seconds, on the log's own
 * clock) and latency (ms, from that start), the run's span and its offered rate. The rate is
 * transactions per second of the span, counted from pgbench's per-client transaction numbers
 * where the log gives them (so a sampled log, {@code --sampling-rate}, still gives the full rate).
 *
 * @param perSecond transactions that ended in each whole second of the span (a throughput series)
 * @param clients   distinct clients (pgbench connections) in the log; 0 when the format does not say
 */
public record TxLog(String file, double[] startS, double[] latencyMs, double spanS, double ratePerS,
                    long[] perSecond, int clients) {
    /** Number of transactions logged. */
    public int size() {
        return latencyMs.length;
    }

    /** The latencies sorted ascending (a copy). */
    public double[] sortedLatencyMs() {
        double[] s = latencyMs.clone();
        Arrays.sort(s);
        return s;
    }
}
