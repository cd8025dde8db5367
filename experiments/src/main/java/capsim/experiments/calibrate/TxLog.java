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
 * @param lagMs     each transaction's schedule lag (ms from its intended start until the client sent
 *                  it: pgbench's last field with {@code --rate}); empty when the log does not give it
 */
public record TxLog(String file, double[] startS, double[] latencyMs, double spanS, double ratePerS,
                    long[] perSecond, int clients, double[] lagMs) {
    /** A log without schedule lags. */
    public TxLog(String file, double[] startS, double[] latencyMs, double spanS, double ratePerS, long[] perSecond,
                 int clients) {
        this(file, startS, latencyMs, spanS, ratePerS, perSecond, clients, new double[0]);
    }

    /** True when the log gives each transaction's schedule lag. */
    public boolean hasLag() {
        return lagMs.length == latencyMs.length && lagMs.length > 0;
    }

    /**
     * The start-up, seconds: pgbench opens its connections (each a new server process with cold
     * caches) while its schedule already runs, so the transactions scheduled in a run's first second
     * queue behind that (the committed light PostgreSQL run at 0.5 averages 0.631 ms with its first
     * second and 0.494 ms without). A model's run leaves out its own warm-up the same way.
     */
    public static final double START_UP_S = 1;

    /**
     * This log without the transactions that started in its first {@link #START_UP_S} (the whole log
     * when that would leave fewer than half); rate, span and throughput series unchanged.
     */
    public TxLog afterStartUp() {
        int kept = 0;
        for (double s : startS) {
            kept += s >= START_UP_S ? 1 : 0;
        }
        if (kept == size() || 2 * kept < size()) {
            return this;
        }
        double[] s = new double[kept];
        double[] l = new double[kept];
        double[] g = new double[hasLag() ? kept : 0];
        int j = 0;
        for (int i = 0; i < size(); i++) {
            if (startS[i] >= START_UP_S) {
                s[j] = startS[i];
                if (g.length > 0) {
                    g[j] = lagMs[i];
                }
                l[j++] = latencyMs[i];
            }
        }
        return new TxLog(file, s, l, spanS, ratePerS, perSecond, clients, g);
    }

    /** Number of transactions logged. */
    public int size() {
        return latencyMs.length;
    }

    /** The indices of the transactions in order of their intended start (equal starts in log order). */
    public int[] byStart() {
        Integer[] order = new Integer[size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Double.compare(startS[x], startS[y]));
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    /** The latencies sorted ascending (a copy). */
    public double[] sortedLatencyMs() {
        double[] s = latencyMs.clone();
        Arrays.sort(s);
        return s;
    }
}
