package capsim.experiments.report;

import capsim.experiments.compare.CompareResult;
import capsim.experiments.compare.Comparison.Row;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * The renderings of a comparison: {@code table} (the terminal), {@code json} ({@code compare.json}:
 * {@code {a, b, replications, seed, metrics: [{metric, a, b, diff, ci95: [lo, hi], verdict}]}})
 * and {@code md} ({@code compare.md}, a Markdown table for a pull request or a report).
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

    public static String table(CompareResult r) {
        TextTable t = new TextTable("metric", "A", "B", "B - A", "95% CI of B - A", "verdict").leftAligned(5);
        for (Row row : r.rows()) {
            t.row(row.metric(), n(row.a()), n(row.b()), n(row.diff()), interval(row), row.verdict());
        }
        return header(r) + "\n" + t.render("");
    }

    public static String markdown(CompareResult r) {
        StringBuilder b = new StringBuilder("# " + header(r) + "\n\n");
        b.append("| metric | A | B | B - A | 95% CI of B - A | verdict |\n|---|---:|---:|---:|---|---|\n");
        for (Row row : r.rows()) {
            b.append("| `").append(row.metric()).append("` | ").append(n(row.a())).append(" | ").append(n(row.b()))
                    .append(" | ").append(n(row.diff())).append(" | ").append(interval(row)).append(" | ")
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

    private static String interval(Row row) {
        return Double.isFinite(row.ciLo()) && Double.isFinite(row.ciHi())
                ? "[" + n(row.ciLo()) + ", " + n(row.ciHi()) + "]" : "(no spread to judge by)";
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
