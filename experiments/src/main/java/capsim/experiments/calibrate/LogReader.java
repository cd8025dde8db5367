package capsim.experiments.calibrate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Reads a load-test log ({@link LogFormat}; a name ending in {@code .gz} is gunzipped) into a
 * {@link TxLog}. A line that does not parse is an error naming the file and line; so is a log
 * without any transaction. Parsing splits lines by hand: a million-line log reads in about a
 * second.
 */
public final class LogReader {
    private LogReader() {
    }

    /** The format of {@code file} by its content: a JMeter header, a start_s header or two columns, else pgbench. */
    public static LogFormat detect(Path file) throws BadLogException {
        try (BufferedReader in = open(file)) {
            String first = in.readLine();
            if (first == null) {
                throw new BadLogException(file + ": empty log (no transactions)");
            }
            if (first.contains("timeStamp") && first.contains("elapsed")) {
                return LogFormat.JMETER;
            }
            if (first.contains(",")) {
                return LogFormat.CSV;
            }
            return LogFormat.PGBENCH;
        } catch (IOException e) {
            throw new BadLogException(file + ": cannot read: " + e.getMessage());
        }
    }

    /** Reads {@code file} as {@code format}. */
    public static TxLog read(Path file, LogFormat format) throws BadLogException {
        Rows rows = new Rows();
        try (BufferedReader in = open(file)) {
            switch (format) {
                case PGBENCH -> pgbench(in, file, rows);
                case JMETER -> jmeter(in, file, rows);
                case CSV -> csv(in, file, rows);
                default -> throw new IllegalStateException(format.toString());
            }
        } catch (IOException e) {
            throw new BadLogException(file + ": cannot read: " + e.getMessage());
        }
        return rows.log(file);
    }

    private static BufferedReader open(Path file) throws IOException {
        InputStream raw = Files.newInputStream(file);
        InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }

    private static void pgbench(BufferedReader in, Path file, Rows rows) throws IOException, BadLogException {
        String line;
        int n = 0;
        Map<Long, long[]> clients = new HashMap<>(); // client id -> {first, last transaction number}
        while ((line = in.readLine()) != null) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.trim().split("\\s+");
            if (f.length < 6) {
                throw bad(file, n, "expected pgbench's 'client_id transaction_no time script_no time_epoch time_us'"
                        + " or its aggregate 'interval_start num_transactions ...', found " + f.length + " fields");
            }
            long first = number(f[0], file, n);
            if (first > 1_000_000_000L && !rows.perTransaction()) {
                // aggregate: interval_start num_transactions sum_latency ... (a throughput series)
                rows.interval(first, number(f[1], file, n));
                continue;
            }
            if (rows.aggregate()) {
                throw bad(file, n, "a per-transaction line in an aggregate log");
            }
            long txNo = number(f[1], file, n);
            long latencyUs = number(f[2], file, n);
            double endS = number(f[4], file, n) + number(f[5], file, n) / 1e6;
            if (latencyUs < 0) {
                throw bad(file, n, "negative latency " + latencyUs);
            }
            rows.add(endS - latencyUs / 1e6, latencyUs / 1000.0);
            // with --rate, the schedule lag (us) follows: how late the client sent the transaction
            rows.lag(f.length >= 7 ? number(f[6], file, n) / 1000.0 : Double.NaN);
            long[] span = clients.computeIfAbsent(first, k -> new long[] {txNo, txNo});
            span[0] = Math.min(span[0], txNo);
            span[1] = Math.max(span[1], txNo);
        }
        long total = 0;
        for (long[] span : clients.values()) {
            total += span[1] - span[0] + 1;
        }
        rows.counted = total;
        rows.clients = clients.size();
    }

    private static void jmeter(BufferedReader in, Path file, Rows rows) throws IOException, BadLogException {
        String header = in.readLine();
        if (header == null) {
            throw new BadLogException(file + ": empty log (no transactions)");
        }
        String[] names = header.split(",");
        int ts = Arrays.asList(names).indexOf("timeStamp");
        int elapsed = Arrays.asList(names).indexOf("elapsed");
        if (ts < 0 || elapsed < 0) {
            throw bad(file, 1, "a JMeter CSV needs a header with timeStamp and elapsed");
        }
        String line;
        int n = 1;
        while ((line = in.readLine()) != null) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", Math.max(ts, elapsed) + 2);
            if (f.length <= Math.max(ts, elapsed)) {
                throw bad(file, n, "expected at least " + (Math.max(ts, elapsed) + 1) + " fields, found " + f.length);
            }
            double latencyMs = decimal(f[elapsed], file, n);
            rows.add(number(f[ts], file, n) / 1000.0, latencyMs);
        }
    }

    private static void csv(BufferedReader in, Path file, Rows rows) throws IOException, BadLogException {
        String line;
        int n = 0;
        while ((line = in.readLine()) != null) {
            n++;
            if (line.isBlank() || n == 1 && line.startsWith("start_s")) {
                continue;
            }
            String[] f = line.split(",");
            if (f.length != 2) {
                throw bad(file, n, "expected 'start_s,latency_ms', found " + f.length + " fields");
            }
            rows.add(decimal(f[0], file, n), decimal(f[1], file, n));
        }
    }

    private static long number(String s, Path file, int line) throws BadLogException {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            throw bad(file, line, "'" + s + "' is not a whole number");
        }
    }

    private static double decimal(String s, Path file, int line) throws BadLogException {
        try {
            double v = Double.parseDouble(s.trim());
            if (!Double.isFinite(v) || v < 0) {
                throw bad(file, line, "'" + s + "' is not a finite number >= 0");
            }
            return v;
        } catch (NumberFormatException e) {
            throw bad(file, line, "'" + s + "' is not a number");
        }
    }

    private static BadLogException bad(Path file, int line, String message) {
        return new BadLogException(file + ":" + line + ": " + message);
    }

    /** Rows as they are read: per-transaction (start, latency) or per-interval counts. */
    private static final class Rows {
        private double[] start = new double[1 << 12];
        private double[] latency = new double[1 << 12];
        private double[] lag = new double[1 << 12];
        /** Transactions that came with a schedule lag. */
        private int lags;
        private int size;
        private final Map<Long, Long> intervals = new HashMap<>();
        /** Transactions the log's own counters account for; -1: count the lines. */
        private long counted = -1;
        private int clients;

        boolean perTransaction() {
            return size > 0;
        }

        boolean aggregate() {
            return !intervals.isEmpty();
        }

        void add(double startS, double latencyMs) {
            if (size == start.length) {
                start = Arrays.copyOf(start, size * 2);
                latency = Arrays.copyOf(latency, size * 2);
                lag = Arrays.copyOf(lag, size * 2);
            }
            start[size] = startS;
            latency[size] = latencyMs;
            size++;
        }

        /** The schedule lag of the transaction just added (NaN: none). */
        void lag(double lagMs) {
            if (!Double.isNaN(lagMs)) {
                lag[size - 1] = lagMs;
                lags++;
            }
        }

        void interval(long startS, long count) {
            intervals.merge(startS, count, Long::sum);
        }

        TxLog log(Path file) throws BadLogException {
            if (aggregate()) {
                long from = intervals.keySet().stream().min(Long::compare).orElseThrow();
                long to = intervals.keySet().stream().max(Long::compare).orElseThrow();
                long[] perSecond = new long[(int) (to - from + 1)];
                intervals.forEach((t, c) -> perSecond[(int) (t - from)] += c);
                long total = Arrays.stream(perSecond).sum();
                return new TxLog(file.toString(), new double[0], new double[0], perSecond.length,
                        total / (double) perSecond.length, perSecond, 0);
            }
            if (size == 0) {
                throw new BadLogException(file + ": empty log (no transactions)");
            }
            double[] s = Arrays.copyOf(start, size);
            double[] l = Arrays.copyOf(latency, size);
            double first = Double.POSITIVE_INFINITY;
            double last = Double.NEGATIVE_INFINITY;
            double lastEnd = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < size; i++) {
                first = Math.min(first, s[i]);
                last = Math.max(last, s[i]);
                lastEnd = Math.max(lastEnd, s[i] + l[i] / 1000);
            }
            for (int i = 0; i < size; i++) {
                s[i] -= first;
            }
            double spanS = Math.max(last - first, 1e-9);
            long[] perSecond = new long[(int) Math.ceil(lastEnd - first) + 1];
            for (int i = 0; i < size; i++) {
                perSecond[(int) (s[i] + l[i] / 1000)]++;
            }
            long total = counted >= 0 ? counted : size;
            if (total != size) { // a sampled log: scale the series to every transaction
                double scale = total / (double) size;
                for (int i = 0; i < perSecond.length; i++) {
                    perSecond[i] = Math.round(perSecond[i] * scale);
                }
            }
            double[] g = lags == size ? Arrays.copyOf(lag, size) : new double[0];
            return new TxLog(file.toString(), s, l, spanS, total / spanS, perSecond, clients, g);
        }
    }
}
