package capsim.experiments.report;

import capsim.experiments.chart.Chart;
import capsim.experiments.chart.RenderedCharts;
import capsim.experiments.result.RunResult;
import capsim.experiments.summary.MetricPath;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Writer;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * report.html: one self-contained page (styles inline, charts embedded as base64 PNG, no script,
 * nothing fetched). The verdicts come first (every SLO with its value and interval, the bill
 * against the budget, uptime against its target), then the charts, the tables and the model
 * that was run.
 */
public final class HtmlReport {
    /** Its name in the results folder. */
    public static final String FILE = "report.html";

    static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;margin:2em auto;\
            max-width:1000px;padding:0 1em;color:#222}
            h1{font-size:1.6em;margin-bottom:.2em}h2{margin-top:1.6em;border-bottom:1px solid #ccc}
            table{border-collapse:collapse;margin:.6em 0}td,th{padding:.25em .7em;border-bottom:1px solid #e4e4e4;\
            text-align:right}td:first-child,th:first-child{text-align:left}
            .PASS{color:#fff;background:#1a7f37}.FAIL{color:#fff;background:#c00000}.UNCERTAIN{color:#222;\
            background:#f0c000}.verdict{font-weight:bold;padding:.1em .5em;border-radius:3px}
            #verdict{font-size:1.3em;margin:.6em 0}figure{margin:1.2em 0}img{max-width:100%;height:auto;\
            border:1px solid #ddd}figcaption{color:#555;font-size:.9em}
            pre{background:#f6f6f6;padding:1em;overflow-x:auto;font-size:.85em}.muted{color:#666}
            """;

    private HtmlReport() {
    }

    /** Writes the report of {@code r} with {@code charts} embedded. */
    public static void write(Writer out, RunResult r, List<RenderedCharts.Image> charts) throws IOException {
        out.write(render(r, charts));
    }

    /** The page's text. */
    public static String render(RunResult r, List<RenderedCharts.Image> charts) {
        JsonNode s = r.summary();
        StringBuilder b = new StringBuilder(64 * 1024);
        String name = s.path("model").asText();
        head(b, name);
        b.append("<h1>").append(esc(name)).append("</h1>\n<p class=\"muted\">").append(esc(runLine(s)))
                .append("</p>\n");
        verdicts(b, s);
        b.append("<h2 id=\"charts\">Charts</h2>\n");
        if (charts.isEmpty()) {
            b.append("<p class=\"muted\">No charts (the run kept no windows).</p>\n");
        }
        figures(b, charts);
        tables(b, s);
        b.append("<h2 id=\"model\">The model that was run</h2>\n");
        if (r.model().isPresent()) {
            b.append("<p class=\"muted\">").append(esc(r.model().source())).append(", run with the settings above")
                    .append("</p>\n<pre>").append(esc(r.model().text())).append("</pre>\n");
        } else {
            b.append("<p class=\"muted\">The results folder holds no copy of the model.</p>\n");
        }
        return b.append("</body>\n</html>\n").toString();
    }

    /** The page's start, up to the opening of its body, titled {@code name}. */
    static void head(StringBuilder b, String name) {
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>capsim report: ").append(esc(name)).append("</title>\n<style>\n").append(STYLE)
                .append("</style>\n</head>\n<body>\n");
    }

    /** Each chart as an embedded PNG with its caption. */
    static void figures(StringBuilder b, List<RenderedCharts.Image> charts) {
        for (RenderedCharts.Image image : charts) {
            b.append("<figure><img width=\"").append(Chart.WIDTH).append("\" height=\"").append(Chart.HEIGHT)
                    .append("\" alt=\"").append(esc(image.chart().caption())).append("\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(image.png())).append("\"><figcaption>")
                    .append(esc(image.chart().caption())).append("</figcaption></figure>\n");
        }
    }

    private static String runLine(JsonNode s) {
        JsonNode run = s.path("run");
        return run.path("replications").asInt() + " replications x " + Format.plain(run.path("duration_s").asDouble())
                + " s simulated after " + Format.plain(run.path("warmup_s").asDouble()) + " s of warm-up, seed "
                + run.path("seed").asLong();
    }

    private static void verdicts(StringBuilder b, JsonNode s) {
        JsonNode slo = s.path("slo");
        int failed = 0;
        int uncertain = 0;
        for (JsonNode v : slo) {
            String verdict = verdict(v);
            failed += verdict.equals("FAIL") ? 1 : 0;
            uncertain += verdict.equals("UNCERTAIN") ? 1 : 0;
        }
        String overall = failed > 0 ? "FAIL" : uncertain > 0 ? "UNCERTAIN" : "PASS";
        b.append("<h2 id=\"verdicts\">Verdicts</h2>\n<p id=\"verdict\"><span class=\"verdict ").append(overall)
                .append("\">").append(overall).append("</span> ");
        b.append(slo.isEmpty() ? "the model sets no targets" : (slo.size() - failed - uncertain) + " of " + slo.size()
                + " targets met" + (failed > 0 ? ", " + failed + " failed" : "")
                + (uncertain > 0 ? ", " + uncertain + " uncertain" : "")).append("</p>\n");
        if (!slo.isEmpty()) {
            b.append("<table id=\"slo\">\n<tr><th>target</th><th></th><th>value</th><th>95% interval</th>")
                    .append("<th>verdict</th></tr>\n");
            for (JsonNode v : slo) {
                String verdict = verdict(v);
                b.append("<tr><td>").append(esc(v.path("metric").asText())).append("</td><td>")
                        .append(esc(v.path("op").asText() + " " + Format.plain(v.path("target").asDouble())))
                        .append("</td><td>").append(Format.plain(v.path("value").asDouble())).append("</td><td>")
                        .append(esc(interval(s, v))).append("</td><td><span class=\"verdict ").append(verdict)
                        .append("\">").append(verdict).append("</span></td></tr>\n");
            }
            b.append("</table>\n");
        }
        JsonNode cost = s.path("cost");
        if (cost.has("monthly_usd")) {
            b.append("<p id=\"bill\"><b>Bill:</b> $").append(Format.num2(cost.get("monthly_usd").asDouble()))
                    .append(" a month (").append(Format.plain(cost.path("hours_per_month").asDouble(730)))
                    .append(" h)");
            if (cost.has("monthly_local")) {
                b.append(", ").append(esc(cost.path("currency").asText())).append(' ')
                        .append(Format.num2(cost.get("monthly_local").asDouble()));
            }
            if (cost.has("plan_monthly_usd")) {
                b.append("; the plan's own figure: $").append(Format.num2(cost.get("plan_monthly_usd").asDouble()));
            }
            JsonNode budget = cost.path("budget");
            if (budget.has("verdict")) {
                String v = budget.get("verdict").asText();
                b.append("; budget ").append(budget.has("min_monthly_usd") ? "$" + Format.num2(budget.get(
                        "min_monthly_usd").asDouble()) : "").append(budget.has("min_monthly_usd")
                        && budget.has("max_monthly_usd") ? " to " : "").append(budget.has("max_monthly_usd") ? "$"
                        + Format.num2(budget.get("max_monthly_usd").asDouble()) : "").append(": <span class=\"verdict ")
                        .append(v.equals("within") ? "PASS" : "FAIL").append("\">")
                        .append(esc(v.toUpperCase(Locale.ROOT))).append("</span>");
            }
            b.append("</p>\n");
        }
        JsonNode uptime = s.path("uptime");
        if (uptime.has("ratio")) {
            b.append("<p id=\"uptime\"><b>Uptime:</b> ").append(Format.pct(uptime.get("ratio").asDouble(), 3));
            if (uptime.path("ci95").size() == 2) {
                b.append(" [").append(Format.pct(uptime.get("ci95").get(0).asDouble(), 3)).append(", ")
                        .append(Format.pct(uptime.get("ci95").get(1).asDouble(), 3)).append("]");
            }
            if (uptime.has("downtime_min_per_month")) {
                b.append(", ").append(Format.num2(uptime.get("downtime_min_per_month").asDouble()))
                        .append(" minutes down a month");
            }
            for (JsonNode v : slo) {
                if (v.path("metric").asText().equals("uptime.ratio")) {
                    b.append("; target ").append(esc(v.path("op").asText())).append(' ')
                            .append(Format.pct(v.path("target").asDouble(), 3));
                }
            }
            b.append("</p>\n");
        }
    }

    /** PASS, FAIL or UNCERTAIN: the entry's {@code verdict} where the summary gives one, else from {@code pass}. */
    static String verdict(JsonNode v) {
        if (v.has("verdict")) {
            return v.get("verdict").asText().toUpperCase(Locale.ROOT);
        }
        return v.path("pass").asBoolean() ? "PASS" : "FAIL";
    }

    /** The 95% interval of a target's value: the entry's own, or the block's for a p99 or uptime. */
    private static String interval(JsonNode s, JsonNode v) {
        JsonNode ci = v.path("ci95");
        String metric = v.path("metric").asText();
        if (ci.size() != 2 && metric.endsWith(".p99")) {
            ci = MetricPath.find(s, metric.substring(0, metric.length() - ".p99".length()) + ".p99_ci95")
                    .orElse(ci);
        } else if (ci.size() != 2 && metric.equals("uptime.ratio")) {
            ci = s.path("uptime").path("ci95");
        }
        return ci.size() == 2 ? "[" + Format.plain(ci.get(0).asDouble()) + ", " + Format.plain(ci.get(1).asDouble())
                + "]" : "";
    }

    private static void tables(StringBuilder b, JsonNode s) {
        b.append("<h2 id=\"tables\">Tables</h2>\n<h3>Classes (end to end)</h3>\n<table>\n<tr><th>class</th>")
                .append("<th>p50 ms</th><th>p95 ms</th><th>p99 ms</th><th>p99 95% CI</th><th>req/s</th>")
                .append("<th>errors</th></tr>\n");
        for (Map.Entry<String, JsonNode> e : fields(s.path("classes"))) {
            JsonNode c = e.getValue();
            latencyRow(b, e.getKey(), c.path("latency_ms"), Format.num2(c.path("throughput_per_s").asDouble()),
                    Format.pct(c.path("error_ratio").asDouble(), 2));
        }
        b.append("</table>\n<h3>Tiers (one visit)</h3>\n<table>\n<tr><th>tier</th><th>p50 ms</th><th>p95 ms</th>")
                .append("<th>p99 ms</th><th>p99 95% CI</th><th>utilisation</th><th>nodes min / mean / max</th>")
                .append("</tr>\n");
        for (Map.Entry<String, JsonNode> e : fields(s.path("tiers"))) {
            JsonNode t = e.getValue();
            JsonNode n = t.path("nodes");
            latencyRow(b, e.getKey(), t.path("latency_ms"), Format.pct(t.path("utilization").asDouble())
                    + (t.path("saturated").asBoolean() ? " SATURATED" : ""), Format.plain(n.path("min").asDouble())
                    + " / " + String.format(Locale.ROOT, "%.2f", n.path("mean").asDouble()) + " / "
                    + Format.plain(n.path("max").asDouble()));
        }
        b.append("</table>\n");
        if (s.has("websocket")) {
            b.append("<h3>WebSocket delivery</h3>\n<table>\n<tr><th></th><th>p50 ms</th><th>p95 ms</th>")
                    .append("<th>p99 ms</th><th>p99 95% CI</th><th>recipients</th></tr>\n");
            JsonNode d = s.get("websocket").path("delivery_ms");
            latencyRow(b, "delivery", d, Format.count(d.path("count").asLong()));
            b.append("</table>\n");
        }
        JsonNode states = s.path("uptime").path("states");
        if (states.size() > 1) {
            b.append("<h3>Uptime by state</h3>\n<table>\n<tr><th>state</th><th>share of the time</th>")
                    .append("<th>windows meeting the targets</th></tr>\n");
            for (JsonNode st : states) {
                b.append("<tr><td>").append(esc(st.path("name").asText())).append("</td><td>")
                        .append(Format.pct(st.path("fraction_of_time").asDouble(), 4)).append("</td><td>")
                        .append(Format.pct(st.path("compliance").asDouble(), 2)).append("</td></tr>\n");
            }
            b.append("</table>\n");
        }
        JsonNode cost = s.path("cost");
        if (cost.path("by_tier").size() > 0) {
            b.append("<h3>Bill</h3>\n<table>\n<tr><th>item</th><th>node</th><th>nodes</th><th>$/hour</th>")
                    .append("<th>credits $/month</th><th>$/month</th></tr>\n");
            for (Map.Entry<String, JsonNode> e : fields(cost.path("by_tier"))) {
                JsonNode t = e.getValue();
                row(b, "tier " + e.getKey(), t.path("node").asText(), String.format(Locale.ROOT, "%.2f",
                        t.path("nodes_mean").asDouble()), Format.plain(t.path("hourly_usd").asDouble()),
                        Format.num2(t.path("credits_surplus_usd").asDouble()), Format.num2(t.path("monthly_usd")
                                .asDouble()));
            }
            for (Map.Entry<String, JsonNode> e : fields(cost.path("lines"))) {
                row(b, "line " + e.getKey(), "", "", "", "", Format.num2(e.getValue().asDouble()));
            }
            row(b, "total", "", "", "", "", Format.num2(cost.path("monthly_usd").asDouble()));
            b.append("</table>\n");
        }
        if (s.path("notes").size() > 0) {
            b.append("<h3>Notes</h3>\n<ul>\n");
            s.get("notes").forEach(n -> b.append("<li>").append(esc(n.asText())).append("</li>\n"));
            b.append("</ul>\n");
        }
    }

    private static void latencyRow(StringBuilder b, String name, JsonNode block, String... more) {
        row(b, TerminalReport.latencyCells(name, block, more));
    }

    private static void row(StringBuilder b, String... cells) {
        b.append("<tr>");
        for (String c : cells) {
            b.append("<td>").append(esc(c)).append("</td>");
        }
        b.append("</tr>\n");
    }

    private static Iterable<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        return node::fields;
    }

    /** {@code text} with the HTML special characters escaped. */
    static String esc(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
