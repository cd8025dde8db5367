package capsim.experiments.calibrate;

import java.util.Locale;

/** The load-test log formats calibrate reads. */
public enum LogFormat {
    /**
     * pgbench's per-transaction log ({@code pgbench -l}): {@code client_id transaction_no time
     * script_no time_epoch time_us [schedule_lag ...]}, time in microseconds from the scheduled
     * start (with {@code --rate}) to the end at time_epoch.time_us; or its per-interval aggregate
     * ({@code --aggregate-interval}): {@code interval_start num_transactions ...}, which gives a
     * throughput series only.
     */
    PGBENCH,
    /** JMeter's CSV results with a header: {@code timeStamp} (start, epoch ms) and {@code elapsed} (ms). */
    JMETER,
    /** {@code start_s,latency_ms} per line, an optional header line. */
    CSV;

    /** The format named {@code name} (pgbench, jmeter, csv). */
    public static LogFormat of(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
