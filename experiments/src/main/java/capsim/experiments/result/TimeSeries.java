package capsim.experiments.result;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * Windows of simulated time, one row per (scenario, replication, window), with named numeric
 * columns ({@link Columns}); a missing value is NaN. What timeseries.csv and scenarios.csv hold,
 * and what the charts plot.
 *
 * @param columns the value columns, in file order
 * @param windows the rows, in file order
 */
public record TimeSeries(List<String> columns, List<Window> windows) {
    public TimeSeries {
        columns = List.copyOf(columns);
        windows = List.copyOf(windows);
        for (Window w : windows) {
            if (w.values().length != columns.size()) {
                throw new IllegalArgumentException(w.values().length + " values for " + columns.size() + " columns");
            }
        }
    }

    /**
     * One window starting at {@code startS} simulated seconds, of replication {@code replication};
     * {@code scenario} names the failure scenario it belongs to ("" for the measured run).
     */
    public record Window(String scenario, int replication, double startS, double[] values) {
    }

    /** No windows. */
    public static TimeSeries empty() {
        return new TimeSeries(List.of(), List.of());
    }

    /** Whether the series has {@code column}. */
    public boolean has(String column) {
        return columns.contains(column);
    }

    /** The value of {@code column} in {@code w}; NaN when the column is absent. */
    public double value(Window w, String column) {
        int i = columns.indexOf(column);
        return i < 0 ? Double.NaN : w.values()[i];
    }

    /** The windows of each replication, by replication number. */
    public Map<Integer, List<Window>> byReplication() {
        Map<Integer, List<Window>> by = new TreeMap<>();
        windows.forEach(w -> by.computeIfAbsent(w.replication(), r -> new ArrayList<>()).add(w));
        return by;
    }

    /** Window start times of the first replication: the time axis shared by every replication. */
    public double[] startTimes() {
        List<Window> first = byReplication().values().stream().findFirst().orElse(List.of());
        return first.stream().mapToDouble(Window::startS).toArray();
    }

    /**
     * For each window start of {@link #startTimes()}, {@code stat} of the replications' values of
     * {@code column} in that window: [window][min, mean, max], NaN where no replication has one.
     */
    public double[][] acrossReplications(String column) {
        double[] starts = startTimes();
        double[][] out = new double[starts.length][];
        List<List<Window>> reps = new ArrayList<>(byReplication().values());
        for (int i = 0; i < starts.length; i++) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            int n = 0;
            for (List<Window> rep : reps) {
                if (i < rep.size()) {
                    double v = value(rep.get(i), column);
                    if (!Double.isNaN(v)) {
                        min = Math.min(min, v);
                        max = Math.max(max, v);
                        sum += v;
                        n++;
                    }
                }
            }
            out[i] = n == 0 ? new double[] {Double.NaN, Double.NaN, Double.NaN} : new double[] {min, sum / n, max};
        }
        return out;
    }

    /** Sum over every window of {@code f}. */
    public double sum(ToDoubleFunction<Window> f) {
        return windows.stream().mapToDouble(f).sum();
    }
}
