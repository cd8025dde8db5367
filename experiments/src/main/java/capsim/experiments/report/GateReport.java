package capsim.experiments.report;

import capsim.experiments.gate.GateRow;
import java.util.List;
import java.util.Locale;

/** The gate's table: metric, target, baseline, now, change and verdict, then the overall verdict. */
public final class GateReport {
    private GateReport() {
    }

    /** The table of {@code rows}; {@code tolerancePct} is the allowed regression. */
    public static String render(List<GateRow> rows, boolean withBaseline, double tolerancePct) {
        TextTable table = new TextTable("gate", "target", "baseline", "now", "change", "verdict").leftAligned(5);
        for (GateRow r : rows) {
            String baseline = r.baseline().isPresent() ? Format.plain(r.baseline().getAsDouble()) : "-";
            String change = "-";
            if (r.baseline().isPresent() && r.baseline().getAsDouble() != 0) {
                double before = r.baseline().getAsDouble();
                change = String.format(Locale.ROOT, "%+.1f%%", (r.now() - before) / Math.abs(before) * 100);
            }
            table.row(r.metric(), r.op() + " " + Format.plain(r.target()), baseline, Format.plain(r.now()), change,
                    r.verdict());
        }
        long failed = rows.stream().filter(r -> !r.pass()).count();
        long regressed = rows.stream().filter(GateRow::regressed).count();
        StringBuilder b = new StringBuilder(table.render(""));
        b.append(failed + regressed == 0 ? "gate: PASS" : "gate: FAIL");
        b.append(" (").append(rows.size()).append(" targets, ").append(failed).append(" failed");
        if (withBaseline) {
            b.append(", ").append(regressed).append(" regressed beyond ").append(Format.plain(tolerancePct))
                    .append('%');
        }
        return b.append(")\n").toString();
    }
}
