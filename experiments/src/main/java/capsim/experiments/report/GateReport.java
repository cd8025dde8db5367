package capsim.experiments.report;

import capsim.engine.stats.ConfidenceInterval;
import capsim.experiments.gate.GateRow;
import capsim.experiments.gate.GateRule;
import capsim.experiments.gate.RegressionCheck;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The gate's table, for the terminal and as Markdown for a pull-request comment: each SLO's
 * target and value and, with a baseline, the baseline value, the change and its interval, then
 * the verdict. An uptime SLO is compared as downtime minutes per month. Every number carries the
 * metric catalog's unit (a ratio in percent).
 */
public final class GateReport {
    private static final String[] HEADER = {"gate", "target", "value", "baseline", "change", "CI of change",
        "verdict"};

    private GateReport() {
    }

    /** The terminal table of {@code rows} and the overall verdict. */
    public static String render(List<GateRow> rows, boolean withBaseline, GateRule rule) {
        TextTable table = new TextTable(header(rule)).leftAligned(6);
        cells(rows, withBaseline).forEach(table::row);
        return table.render("") + "gate: " + verdict(rows) + " (" + counts(rows, withBaseline, rule) + ")\n";
    }

    /** The Markdown report: a heading with the verdict, the table, the rule and the run settings. */
    public static String markdown(String model, List<GateRow> rows, boolean withBaseline, GateRule rule,
                                  List<String> notes) {
        StringBuilder b = new StringBuilder();
        b.append("### capsim gate: ").append(model).append(": ").append(verdict(rows)).append("\n\n");
        b.append(markdownRow(header(rule))).append(markdownRow(separator()));
        cells(rows, withBaseline).forEach(cells -> b.append(markdownRow(cells)));
        b.append('\n').append(counts(rows, withBaseline, rule)).append(".\n");
        if (withBaseline) {
            b.append('\n').append(ruleText(rule)).append('\n');
        }
        notes.forEach(note -> b.append("\n- ").append(note));
        if (!notes.isEmpty()) {
            b.append('\n');
        }
        return b.toString();
    }

    /** "PASS" when every row is ok, else "FAIL". */
    public static String verdict(List<GateRow> rows) {
        return rows.stream().allMatch(GateRow::ok) ? "PASS" : "FAIL";
    }

    /** The regression rule in one sentence. */
    public static String ruleText(GateRule rule) {
        return "A metric regressed when it is worse than the baseline by more than " + Format.plain(rule.tolerancePct())
                + "% and the " + confidence(rule) + " interval of the change lies wholly on the worse side of zero:"
                + " a paired t interval over the replications when both runs used the same seed (common random"
                + " numbers), Welch's otherwise. Uptime is compared as downtime minutes per month.";
    }

    /** The row cells of a regression-check message: what, baseline, now, change, interval. */
    public static String checkMessage(RegressionCheck c, GateRule rule) {
        Unit unit = Unit.of(c.compared());
        String interval = c.changeInterval().map(ci -> confidence(rule) + " " + ci.test() + " interval of the change "
                + unit.after(interval(ci.range(), unit.scale()))).orElse("no interval (fewer than 2 replications)");
        return c.compared() + ": baseline " + unit.after(sig(c.baseline() * unit.scale())) + ", now "
                + unit.after(sig(c.now() * unit.scale())) + ", change "
                + change(c) + ", " + interval + "; "
                + (c.regressed() ? "worse by more than " + Format.plain(rule.tolerancePct()) + "% and significant"
                : !c.beyondTolerance() ? "within the " + Format.plain(rule.tolerancePct()) + "% tolerance"
                : "not significant");
    }

    /** {@code value} of {@code metric} to 4 significant digits with its unit: "48.16 ms", "99.96%". */
    public static String withUnit(String metric, double value) {
        Unit unit = Unit.of(metric);
        return unit.after(sig(value * unit.scale()));
    }

    /** A target of {@code metric} as given, with its unit: "<= 200 ms", ">= 99.5%". */
    public static String target(GateRow r) {
        Unit unit = Unit.of(r.metric());
        return r.op() + " " + unit.after(exact(r.target() * unit.scale()));
    }

    /** A number to 4 significant digits, plain: 48.03, 0.9996, 1234. */
    public static String sig(double x) {
        if (x == 0 || !Double.isFinite(x)) {
            return Format.plain(x);
        }
        return new BigDecimal(x).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    private static List<String[]> cells(List<GateRow> rows, boolean withBaseline) {
        List<String[]> all = new ArrayList<>();
        for (GateRow r : rows) {
            Optional<RegressionCheck> c = r.check();
            boolean uptime = c.isPresent() && !c.get().compared().equals(r.metric());
            Unit compared = c.map(x -> Unit.of(x.compared())).orElse(Unit.of(r.metric()));
            String value = withUnit(r.metric(), r.now())
                    + (uptime ? " (" + compared.after(sig(c.get().now() * compared.scale())) + " down)" : "");
            String baseline = c.map(x -> compared.after(sig(x.baseline() * compared.scale())) + (uptime ? " down" : ""))
                    .orElse(withBaseline ? "none" : "-");
            String change = c.map(GateReport::change).orElse("-");
            String interval = c.flatMap(x -> x.changeInterval().map(ci -> compared.after(interval(ci.range(),
                    compared.scale())))).orElse("-");
            all.add(new String[] {r.metric(), target(r), value,
                baseline, change, interval, r.verdict()});
        }
        return all;
    }

    private static String counts(List<GateRow> rows, boolean withBaseline, GateRule rule) {
        long failed = rows.stream().filter(r -> !r.pass()).count();
        long known = rows.stream().filter(GateRow::knownFailure).count();
        long regressed = rows.stream().filter(GateRow::regressed).count();
        long uncertain = rows.stream().filter(GateRow::uncertain).count();
        String b = rows.size() + " targets, " + failed + " failed";
        if (known > 0) {
            b += " (" + known + " as in the baseline, accepted)";
        }
        if (uncertain > 0) {
            b += ", " + uncertain + " uncertain";
        }
        if (withBaseline) {
            b += ", " + regressed + " regressed (worse by more than " + Format.plain(rule.tolerancePct())
                    + "% and significant at " + confidence(rule) + ")";
        }
        return b;
    }

    private static String[] header(GateRule rule) {
        String[] header = HEADER.clone();
        header[5] = confidence(rule) + " " + header[5];
        return header;
    }

    private static String[] separator() {
        String[] cells = new String[HEADER.length];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = i == 0 || i == cells.length - 1 ? "---" : "---:";
        }
        return cells;
    }

    private static String markdownRow(String[] cells) {
        StringBuilder b = new StringBuilder("|");
        for (String cell : cells) {
            b.append(' ').append(cell.replace("|", "\\|")).append(" |");
        }
        return b.append('\n').toString();
    }

    /** The change in the compared metric's unit, and in percent of the baseline. */
    private static String change(RegressionCheck c) {
        Unit unit = Unit.of(c.compared());
        String absolute = unit.after(signed(c.change() * unit.scale()));
        return c.changePct().map(p -> absolute + String.format(Locale.ROOT, " (%+.1f%%)", p)).orElse(absolute);
    }

    private static String interval(ConfidenceInterval ci, double scale) {
        return "[" + signed(ci.lo() * scale) + ", " + signed(ci.hi() * scale) + "]";
    }

    /** A target as given, to 10 significant digits so that a scaled ratio reads as written: 0.995 -> 99.5. */
    private static String exact(double x) {
        if (x == 0 || !Double.isFinite(x)) {
            return Format.plain(x);
        }
        return new BigDecimal(x).round(new MathContext(10)).stripTrailingZeros().toPlainString();
    }

    private static String signed(double x) {
        return (x > 0 ? "+" : "") + sig(x);
    }

    private static String confidence(GateRule rule) {
        return Format.plain(rule.confidence() * 100) + "%";
    }
}
