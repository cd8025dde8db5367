package capsim.experiments.report;

import capsim.experiments.compare.CompareResult;
import capsim.experiments.compare.Comparison.Row;
import capsim.models.metric.Metric;
import capsim.models.metric.MetricCatalog;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * The renderings of a comparison: {@code table} (the terminal), {@code json} ({@code compare.json}:
 * {@code {a, b, replications, seed, metrics: [{metric, unit, a, b, diff, ci95: [lo, hi], verdict}]}},
 * the numbers as summary.json has them and {@code unit} the metric catalog's) and {@code md}
 * ({@code compare.md}, a Markdown table for a pull request or a report). The table and the
 * Markdown give each metric's unit, and show a ratio in percent.
 */
public final class CompareFormats {
    public static final String JSON_FILE = "compare.json";
    public static final String MD_FILE = "compare.md";
    private static final int DIGITS = 4;

    private CompareFormats() {
    }

    /** Every rendering of a comparison; all are written by default. */
    public static Formats<CompareResult> all() {
        return Formats.<CompareResult>none()
                .with("table", true, (r, to) -> to.terminal().print(table(r)))
                .with("json", true, (r, to) -> to.text(JSON_FILE, out -> out.write(SummaryJson.text(json(r)))))
                .with("md", true, (r, to) -> to.text(MD_FILE, out -> out.write(markdown(r))));
    }

    /** The terminal table: each metric's unit, then its numbers in that unit (ratios in percent). */
    public static String table(CompareResult r) {
        TextTable t = new TextTable("metric", "unit", "A", "B", "B - A", "95% CI of B - A", "verdict")
                .leftAligned(1, 6);
        for (Row row : r.rows()) {
            Unit u = Unit.of(row.metric());
            t.row(row.metric(), u.name(), n(row.a() * u.scale()), n(row.b() * u.scale()), n(row.diff() * u.scale()),
                    interval(row, u), row.verdict());
        }
        return header(r) + "\n" + t.render("");
    }

    public static String markdown(CompareResult r) {
        StringBuilder b = new StringBuilder("# " + header(r) + "\n\n");
        b.append("| metric | unit | A | B | B - A | 95% CI of B - A | verdict |\n|---|---|---:|---:|---:|---|---|\n");
        for (Row row : r.rows()) {
            Unit u = Unit.of(row.metric());
            b.append("| `").append(row.metric()).append("` | ").append(u.name()).append(" | ")
                    .append(n(row.a() * u.scale())).append(" | ").append(n(row.b() * u.scale())).append(" | ")
                    .append(n(row.diff() * u.scale())).append(" | ").append(interval(row, u)).append(" | ")
                    .append(row.verdict()).append(" |\n");
        }
        return b.toString();
    }

    public static ObjectNode json(CompareResult r) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("a", r.a());
        root.put("b", r.b());
        root.put("replications", r.replications());
        root.put("seed", r.seed());
        ArrayNode metrics = root.putArray("metrics");
        for (Row row : r.rows()) {
            ObjectNode m = metrics.addObject();
            m.put("metric", row.metric());
            m.put("unit", MetricCatalog.describe(row.metric()).map(Metric::unit).orElse(""));
            m.put("a", row.a());
            m.put("b", row.b());
            m.put("diff", row.diff());
            ArrayNode ci = m.putArray("ci95");
            if (Double.isFinite(row.ciLo()) && Double.isFinite(row.ciHi())) {
                ci.add(row.ciLo()).add(row.ciHi());
            } else {
                ci.addNull().addNull();
            }
            m.put("verdict", row.verdict());
        }
        return root;
    }

    private static String header(CompareResult r) {
        return "compare A = " + r.a() + " with B = " + r.b() + ": " + r.replications()
                + " paired replications, seed " + r.seed();
    }

    private static String interval(Row row, Unit u) {
        return Double.isFinite(row.ciLo()) && Double.isFinite(row.ciHi())
                ? "[" + n(row.ciLo() * u.scale()) + ", " + n(row.ciHi() * u.scale()) + "]" : "(no spread to judge by)";
    }

    /** {@value #DIGITS} significant digits, plain. */
    private static String n(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return v == 0 ? "0" : Double.toString(v);
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(DIGITS)).stripTrailingZeros()
                .toPlainString().toLowerCase(Locale.ROOT);
    }
}
