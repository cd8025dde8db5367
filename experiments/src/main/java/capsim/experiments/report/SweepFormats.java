package capsim.experiments.report;

import capsim.experiments.chart.RenderedCharts;
import capsim.experiments.chart.SweepCharts;
import capsim.experiments.result.SweepData;
import capsim.experiments.sweep.SweepResult;
import capsim.experiments.sweep.SweepResult.SloRow;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The renderings of a sweep: {@code table} (one row per point, the best one marked),
 * {@code json} ({@code sweep.json} and each point's {@code points/NNN/summary.json}) and
 * {@code csv} ({@code sweep.csv}: {@code point}, one column per parameter, then per SLO metric
 * its value, {@code _ci_lo}, {@code _ci_hi} and {@code _verdict}, then {@code uptime.ratio},
 * {@code cost.monthly_usd} and {@code all_pass}), {@code charts} (cost against p99 with the
 * Pareto front, a heat map when two parameters vary; PNG and SVG) and {@code html} (report.html).
 */
public final class SweepFormats {
    public static final String JSON_FILE = "sweep.json";
    public static final String CSV_FILE = "sweep.csv";
    private static final int DECIMALS = 6;
    private static final String UPTIME = "uptime.ratio";
    private static final String COST = "cost.monthly_usd";

    private SweepFormats() {
    }

    /** Every rendering of a sweep; all are written by default. */
    public static Formats<SweepResult> all() {
        return Formats.<SweepResult>none()
                .with("table", true, (r, to) -> to.terminal().print(table(r)))
                .with("json", true, (r, to) -> {
                    for (SweepResult.Point p : r.points()) {
                        to.text("points/" + p.point().folder() + "/" + SummaryJson.FILE,
                                out -> out.write(SummaryJson.text(p.summary())));
                    }
                    to.text(JSON_FILE, out -> out.write(SummaryJson.text(json(r))));
                })
                .with("csv", true, (r, to) -> to.text(CSV_FILE, out -> out.write(csv(r))))
                .and(pictures().of(SweepFormats::data));
    }

    /** {@code charts} and {@code html} of a sweep, sharing the drawn charts; what {@code capsim report} writes. */
    public static Formats<SweepData> pictures() {
        RenderedCharts<SweepData> drawn = new RenderedCharts<>(SweepCharts::of);
        return Formats.<SweepData>none()
                .with("charts", true, (d, to) -> RunFormats.images(drawn.of(d), to))
                .with("html", true, (d, to) -> to.text(HtmlReport.FILE, out -> SweepReport.write(out, d, drawn.of(d))));
    }

    /** What the sweep's folder holds of {@code r}: sweep.json and each point's summary. */
    public static SweepData data(SweepResult r) {
        Map<Integer, JsonNode> summaries = new LinkedHashMap<>();
        r.points().forEach(p -> summaries.put(p.point().number(), p.summary()));
        return new SweepData(json(r), summaries);
    }

    /** The table printed on the terminal: a row per point, its SLO values and verdicts, uptime, cost; the best marked. */
    public static String table(SweepResult r) {
        List<String> header = new ArrayList<>(List.of("point"));
        header.addAll(r.parameters());
        header.addAll(r.sloMetrics());
        boolean uptime = !r.sloMetrics().contains(UPTIME); // shown once
        if (uptime) {
            header.add(UPTIME);
        }
        header.addAll(List.of(COST, "all SLOs", ""));
        TextTable table = new TextTable(header.toArray(String[]::new));
        for (SweepResult.Point p : r.points()) {
            List<String> row = new ArrayList<>(List.of(p.point().folder()));
            r.parameters().forEach(path -> row.add(p.point().param(path)));
            for (String m : r.sloMetrics()) {
                SloRow s = p.slo().get(m);
                row.add(s == null ? "" : Csv.number(s.value(), 4) + " " + s.verdict());
            }
            if (uptime) {
                row.add(Format.pct(p.value(UPTIME).orElse(Double.NaN), 3));
            }
            row.add("$" + Format.num2(p.value(COST).orElse(Double.NaN)));
            row.add(p.allPass() ? "PASS" : "FAIL");
            row.add(r.best().filter(b -> b.point() == p.point().number()).isPresent() ? "<- best" : "");
            table.row(row.toArray(String[]::new));
        }
        StringBuilder b = new StringBuilder(table.render(""));
        if (r.chooseMetric().isPresent()) {
            b.append(r.best().map(best -> "best: point " + String.format("%03d", best.point()) + " " + best.params()
                    + ", " + r.chooseMetric().get() + " = " + Csv.number(best.value(), 4))
                    .orElse("best: none (no point passes every SLO)")).append('\n');
        }
        return b.toString();
    }

    /** sweep.csv. */
    public static String csv(SweepResult r) {
        List<String> header = new ArrayList<>(List.of("point"));
        header.addAll(r.parameters());
        for (String m : r.sloMetrics()) {
            header.addAll(List.of(m, m + "_ci_lo", m + "_ci_hi", m + "_verdict"));
        }
        header.addAll(List.of(UPTIME, COST, "all_pass"));
        StringBuilder b = new StringBuilder(Csv.line(header));
        for (SweepResult.Point p : r.points()) {
            List<String> row = new ArrayList<>(List.of(Integer.toString(p.point().number())));
            r.parameters().forEach(path -> row.add(p.point().param(path)));
            for (String m : r.sloMetrics()) {
                SloRow s = p.slo().get(m);
                if (s == null) {
                    row.addAll(List.of("", "", "", ""));
                } else {
                    row.add(Csv.number(s.value(), DECIMALS));
                    row.add(s.ci95().map(ci -> Csv.number(ci[0], DECIMALS)).orElse(""));
                    row.add(s.ci95().map(ci -> Csv.number(ci[1], DECIMALS)).orElse(""));
                    row.add(s.verdict());
                }
            }
            row.add(Csv.number(p.value(UPTIME).orElse(Double.NaN), DECIMALS));
            row.add(Csv.number(p.value(COST).orElse(Double.NaN), DECIMALS));
            row.add(Boolean.toString(p.allPass()));
            b.append(Csv.line(row));
        }
        return b.toString();
    }

    /** sweep.json: {@code {parameters, choose, points: [...], best: {point, params, value} | null}}. */
    public static ObjectNode json(SweepResult r) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        ArrayNode parameters = root.putArray("parameters");
        r.parameters().forEach(parameters::add);
        r.chooseMetric().ifPresentOrElse(m -> root.put("choose", m), () -> root.putNull("choose"));
        ArrayNode points = root.putArray("points");
        for (SweepResult.Point p : r.points()) {
            ObjectNode point = points.addObject();
            point.put("point", p.point().number());
            ObjectNode params = point.putObject("params");
            r.parameters().forEach(path -> params.set(path, value(p.point().param(path))));
            point.put("summary", "points/" + p.point().folder() + "/" + SummaryJson.FILE);
            ArrayNode slo = point.putArray("slo");
            for (Map.Entry<String, SloRow> e : p.slo().entrySet()) {
                ObjectNode s = slo.addObject();
                s.put("metric", e.getKey());
                s.put("value", e.getValue().value());
                Optional<double[]> ci = e.getValue().ci95();
                if (ci.isPresent()) {
                    s.putArray("ci95").add(ci.get()[0]).add(ci.get()[1]);
                } else {
                    s.putNull("ci95");
                }
                s.put("verdict", e.getValue().verdict());
            }
            point.set(UPTIME, number(p.value(UPTIME).orElse(Double.NaN)));
            point.set(COST, number(p.value(COST).orElse(Double.NaN)));
            point.put("all_pass", p.allPass());
        }
        if (r.best().isPresent()) {
            SweepResult.Best best = r.best().get();
            ObjectNode b = root.putObject("best");
            b.put("point", best.point());
            ObjectNode params = b.putObject("params");
            best.params().forEach((path, v) -> params.set(path, value(v)));
            b.put("value", best.value());
        } else {
            root.putNull("best");
        }
        return root;
    }

    /** A parameter's YAML text as JSON: a number as a number, "" (the base's value) as null, anything else as text. */
    private static JsonNode value(String text) {
        if (text.isEmpty()) {
            return JsonNodeFactory.instance.nullNode();
        }
        try {
            return JsonNodeFactory.instance.numberNode(new BigDecimal(text));
        } catch (NumberFormatException e) {
            return JsonNodeFactory.instance.textNode(text.startsWith("\"") && text.endsWith("\"") && text.length() > 1
                    ? text.substring(1, text.length() - 1) : text);
        }
    }

    private static JsonNode number(double v) {
        return Double.isNaN(v) ? JsonNodeFactory.instance.nullNode() : JsonNodeFactory.instance.numberNode(v);
    }
}
