package capsim.experiments.report;

import capsim.experiments.chart.RenderedCharts;
import capsim.experiments.result.SweepData;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * report.html of a sweep: one self-contained page like a run's ({@link HtmlReport}). The verdict
 * first (the best point and its values, or that no point passes every SLO; how many pass), then
 * the charts (cost against p99 with the Pareto front, the heat map), then every point's row.
 */
public final class SweepReport {
    private SweepReport() {
    }

    /** Writes the report of {@code d} with {@code charts} embedded. */
    public static void write(Writer out, SweepData d, List<RenderedCharts.Image> charts) throws IOException {
        out.write(render(d, charts));
    }

    /** The page's text. */
    public static String render(SweepData d, List<RenderedCharts.Image> charts) {
        List<JsonNode> points = d.points();
        String model = points.isEmpty() || d.summary(points.get(0).path("point").asInt()) == null ? "sweep"
                : d.summary(points.get(0).path("point").asInt()).path("model").asText("sweep");
        String name = model + ": sweep over " + String.join(", ", d.parameters());
        StringBuilder b = new StringBuilder(64 * 1024);
        HtmlReport.head(b, name);
        b.append("<h1>").append(HtmlReport.esc(name)).append("</h1>\n<p class=\"muted\">").append(points.size())
                .append(" points, all with the same seed and random streams (common random numbers)</p>\n");
        verdict(b, d, points);
        b.append("<h2 id=\"charts\">Charts</h2>\n");
        if (charts.isEmpty()) {
            b.append("<p class=\"muted\">No charts (no point has both a latency and a cost).</p>\n");
        }
        HtmlReport.figures(b, charts);
        table(b, d, points);
        return b.append("</body>\n</html>\n").toString();
    }

    private static void verdict(StringBuilder b, SweepData d, List<JsonNode> points) {
        long passing = points.stream().filter(p -> p.path("all_pass").asBoolean()).count();
        String overall = passing > 0 ? "PASS" : "FAIL";
        b.append("<h2 id=\"verdicts\">Verdict</h2>\n<p id=\"verdict\"><span class=\"verdict ").append(overall)
                .append("\">").append(overall).append("</span> ").append(passing).append(" of ").append(points.size())
                .append(" points pass every SLO");
        JsonNode choose = d.sweep().path("choose");
        if (d.best().isPresent()) {
            JsonNode best = d.sweep().path("best");
            JsonNode entry = points.stream().filter(p -> p.path("point").asInt() == d.best().get()).findFirst()
                    .orElse(best);
            b.append("; best: <b>point ").append(String.format(Locale.ROOT, "%03d", d.best().get())).append("</b> (")
                    .append(HtmlReport.esc(SweepData.params(entry))).append("), ").append(HtmlReport.esc(choose.asText()))
                    .append(" = ").append(Format.plain(best.path("value").asDouble()));
        } else if (choose.isTextual()) {
            b.append("; no best point: none passes every SLO");
        }
        b.append("</p>\n");
    }

    private static void table(StringBuilder b, SweepData d, List<JsonNode> points) {
        List<String> metrics = new ArrayList<>();
        points.forEach(p -> p.path("slo").forEach(s -> {
            if (!metrics.contains(s.path("metric").asText())) {
                metrics.add(s.path("metric").asText());
            }
        }));
        b.append("<h2 id=\"points\">Points</h2>\n<table id=\"sweep\">\n<tr><th>point</th>");
        d.parameters().forEach(p -> b.append("<th>").append(HtmlReport.esc(p)).append("</th>"));
        metrics.forEach(m -> b.append("<th>").append(HtmlReport.esc(m)).append("</th>"));
        b.append("<th>uptime</th><th>$/month</th><th>all SLOs</th></tr>\n");
        for (JsonNode p : points) {
            int n = p.path("point").asInt();
            b.append("<tr><td>").append(String.format(Locale.ROOT, "%03d", n))
                    .append(d.best().filter(x -> x == n).isPresent() ? " (best)" : "").append("</td>");
            for (String param : d.parameters()) {
                JsonNode v = p.path("params").path(param);
                b.append("<td>").append(HtmlReport.esc(v.isNull() || v.isMissingNode() ? "base" : v.asText()))
                        .append("</td>");
            }
            for (String m : metrics) {
                JsonNode row = null;
                for (JsonNode s : p.path("slo")) {
                    row = s.path("metric").asText().equals(m) ? s : row;
                }
                b.append("<td>");
                if (row != null) {
                    String v = row.path("verdict").asText();
                    b.append(Format.bound(row.path("value").asDouble())).append(" <span class=\"verdict ")
                            .append(HtmlReport.esc(v)).append("\">").append(HtmlReport.esc(v)).append("</span>");
                }
                b.append("</td>");
            }
            JsonNode uptime = p.path("uptime.ratio");
            JsonNode cost = p.path(SweepData.COST);
            String all = p.path("all_pass").asBoolean() ? "PASS" : "FAIL";
            b.append("<td>").append(uptime.isNumber() ? Format.pct(uptime.asDouble(), 3) : "").append("</td><td>")
                    .append(cost.isNumber() ? Format.num2(cost.asDouble()) : "").append("</td><td><span class=\"verdict ")
                    .append(all).append("\">").append(all).append("</span></td></tr>\n");
        }
        b.append("</table>\n");
    }
}
