package capsim.experiments.report;

import capsim.experiments.summary.Round;
import capsim.models.spec.ClassSpec;
import capsim.models.spec.ModelSpec;
import capsim.models.spec.TierSpec;
import capsim.models.system.ReplicationResult;
import capsim.models.system.ReplicationResult.WindowClass;
import capsim.models.system.ReplicationResult.WindowRow;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * timeseries.csv: one row per (replication, window, class) with the class's count, errors,
 * mean and p99 ms, then for every tier its utilisation, mean nodes and visit p99 ms in that
 * window, and the WebSocket delivery p99 ms. A model without classes gets one row per window
 * with the class cells empty.
 */
public final class TimeSeriesCsv {
    private TimeSeriesCsv() {
    }

    /** Writes the windows of {@code results} to {@code file}, atomically. */
    public static void write(Path file, ModelSpec spec, List<ReplicationResult> results) throws IOException {
        AtomicFiles.write(file, out -> write(out, spec, results));
    }

    /** Writes the CSV text of the windows of {@code results}. */
    public static void write(Writer out, ModelSpec spec, List<ReplicationResult> results) throws IOException {
        List<String> header = new ArrayList<>(List.of("replication", "window_start_s", "class", "count", "errors",
                "mean_ms", "p99_ms"));
        for (TierSpec t : spec.tiers()) {
            header.addAll(List.of("util_" + t.name(), "nodes_" + t.name(), "p99_ms_" + t.name()));
        }
        header.add("ws_p99_ms");
        line(out, header);
        for (ReplicationResult r : results) {
            for (WindowRow row : r.windows()) {
                List<String> lead = List.of(Integer.toString(r.replication()), number(row.startS(), Round.MS));
                List<String> tail = tierCells(spec, row);
                tail.add(number(row.websocketP99Ms(), Round.MS));
                if (spec.workload().classes().isEmpty()) {
                    line(out, lead, List.of("", "", "", "", ""), tail);
                }
                for (ClassSpec c : spec.workload().classes()) {
                    WindowClass w = row.classes().getOrDefault(c.name(), new WindowClass(0, 0, 0, 0));
                    line(out, lead, List.of(c.name(), Long.toString(w.count()), Long.toString(w.errors()),
                            number(w.meanMs(), Round.MS), number(w.p99Ms(), Round.MS)), tail);
                }
            }
        }
    }

    @SafeVarargs
    private static void line(Writer out, List<String>... parts) throws IOException {
        List<String> cells = new ArrayList<>();
        for (List<String> part : parts) {
            cells.addAll(part);
        }
        out.write(String.join(",", cells));
        out.write('\n');
    }

    private static List<String> tierCells(ModelSpec spec, WindowRow row) {
        List<String> cells = new ArrayList<>();
        for (TierSpec t : spec.tiers()) {
            cells.add(cell(row.tierUtilization(), t.name(), Round.RATIO));
            cells.add(cell(row.tierNodes(), t.name(), Round.RATE));
            cells.add(cell(row.tierP99Ms(), t.name(), Round.MS));
        }
        return cells;
    }

    private static String cell(Map<String, Double> values, String tier, int decimals) {
        Double v = values.get(tier);
        return v == null ? "" : number(v, decimals);
    }

    /** {@code value} rounded to {@code decimals}, in plain decimal notation without trailing zeros. */
    static String number(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        return BigDecimal.valueOf(Round.to(value, decimals)).stripTrailingZeros().toPlainString();
    }
}
