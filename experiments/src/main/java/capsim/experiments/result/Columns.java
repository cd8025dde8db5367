package capsim.experiments.result;

/**
 * Names of the time-series columns: {@code class.NAME.METRIC}, {@code tier.NAME.METRIC} and
 * {@code websocket.METRIC}. A dot never appears in a class or tier name, so a column name
 * splits back into its parts. The README lists every column with its unit.
 */
public final class Columns {
    /** A class's requests that arrived in the window. */
    public static final String ARRIVED = "arrived";
    /** A class's median latency, ms. */
    public static final String P50_MS = "p50_ms";
    /** A class's 95th percentile latency, ms. */
    public static final String P95_MS = "p95_ms";
    /** A class's completed requests in the window. */
    public static final String COMPLETED = "completed";
    /** A class's rejected or timed-out requests in the window. */
    public static final String ERRORS = "errors";
    /** A class's mean latency, ms. */
    public static final String MEAN_MS = "mean_ms";
    /** A class's or tier's 99th percentile latency, ms. */
    public static final String P99_MS = "p99_ms";
    /** A tier's busy servers / servers, time-averaged over the window. */
    public static final String UTILIZATION = "utilization";
    /** A tier's nodes in service, time-averaged over the window. */
    public static final String NODES = "nodes";
    /** A tier's work arriving in the window / its server-seconds in service in the window. */
    public static final String OFFERED = "offered";
    /** An autoscaled tier's desired capacity, time-averaged over the window. */
    public static final String DESIRED = "desired";
    /** An autoscaled tier's booting nodes, time-averaged over the window. */
    public static final String BOOTING = "booting";
    /** A burstable tier's CPU credits per running node, time-averaged over the window. */
    public static final String CREDITS = "credits";
    /** WebSocket per-recipient delivery p99, ms. */
    public static final String DELIVERY_P99_MS = "delivery_p99_ms";

    private Columns() {
    }

    /** The column of {@code metric} of class {@code name}. */
    public static String ofClass(String name, String metric) {
        return "class." + name + "." + metric;
    }

    /** The column of {@code metric} of tier {@code name}. */
    public static String ofTier(String name, String metric) {
        return "tier." + name + "." + metric;
    }

    /** The column of the WebSocket {@code metric}. */
    public static String ofWebSocket(String metric) {
        return "websocket." + metric;
    }

    /** Decimals kept in the CSV for {@code column}: 4 for milliseconds, 6 otherwise. */
    public static int decimals(String column) {
        return column.endsWith("_ms") ? 4 : 6;
    }
}
