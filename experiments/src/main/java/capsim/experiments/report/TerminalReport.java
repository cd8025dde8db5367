package capsim.experiments.report;

import capsim.models.spec.ClassSpec;
import capsim.models.spec.ModelSpec;
import capsim.models.spec.TierSpec;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * The summary table printed by {@code run} and {@code gate}, read from the summary.json tree so
 * the screen and the file always agree: run header, classes, tiers, WebSocket delivery, SLO
 * verdicts, uptime, cost and notes.
 */
public final class TerminalReport {
    private TerminalReport() {
    }

    /** The report of {@code summary} for {@code spec}. */
    public static String render(ModelSpec spec, JsonNode summary) {
        StringBuilder b = new StringBuilder();
        JsonNode run = summary.get("run");
        JsonNode engine = summary.get("engine");
        b.append(spec.title().isBlank() || spec.title().equals(spec.name()) ? spec.name()
                : spec.name() + " - " + spec.title()).append('\n');
        int replications = run.get("replications").asInt();
        b.append(replications).append(replications == 1 ? " replication x " : " replications x ").append(Format.plain(
                run.get("duration_s").asDouble())).append(" s simulated (after ").append(Format.plain(
                run.get("warmup_s").asDouble())).append(" s warm-up), seed ").append(run.get("seed").asLong())
                .append("; ").append(Format.count(engine.get("events").asLong())).append(" events in ")
                .append(String.format(Locale.ROOT, "%.2f", engine.get("wall_s").asDouble()))
                .append(" s (").append(Format.count(engine.get("events_per_s").asLong())).append(" events/s)\n\n");

        TextTable classes = new TextTable("class", "p50 ms", "p95 ms", "p99 ms", "p99 95% CI", "req/s",
                "offered/s", "errors", "unfinished");
        double measuredS = replications * run.get("duration_s").asDouble();
        for (ClassSpec c : spec.workload().classes()) {
            JsonNode node = summary.get("classes").get(c.name());
            classes.row(latencyCells(c.name(), node.get("latency_ms"), Format.num2(node.get("throughput_per_s")
                    .asDouble()), Format.num2(node.get("arrived").asDouble() / measuredS),
                    Format.pct(node.get("error_ratio").asDouble(), 2), Format.count(node.get("unfinished").asLong())));
        }
        b.append(classes.render(""));
        for (ClassSpec c : spec.workload().classes()) {
            JsonNode spread = summary.get("classes").get(c.name()).get("p99_per_replication_ms");
            if (spread != null && spread.has("p10")) {
                b.append("  ").append(c.name()).append(": p99 of one replication, P10-P90 ")
                        .append(Format.ms(spread.get("p10").asDouble())).append(" - ")
                        .append(Format.ms(spread.get("p90").asDouble())).append(" ms\n");
            }
        }
        b.append('\n');

        TextTable tiers = new TextTable("tier", "p50 ms", "p95 ms", "p99 ms", "p99 95% CI", "util",
                "nodes min/mean/max", "").leftAligned(7);
        for (TierSpec t : spec.tiers()) {
            JsonNode node = summary.get("tiers").get(t.name());
            JsonNode nodes = node.get("nodes");
            tiers.row(latencyCells(t.name(), node.get("latency_ms"), Format.pct(node.get("utilization").asDouble()),
                    Format.plain(nodes.get("min").asDouble()) + " / " + String.format(Locale.ROOT, "%.2f",
                            nodes.get("mean").asDouble()) + " / " + Format.plain(nodes.get("max").asDouble()),
                    node.path("saturated").asBoolean() ? "SATURATED" : ""));
        }
        b.append(tiers.render("")).append('\n');

        if (summary.has("websocket")) {
            TextTable ws = new TextTable("websocket", "p50 ms", "p95 ms", "p99 ms", "p99 95% CI", "recipients");
            JsonNode delivery = summary.get("websocket").get("delivery_ms");
            ws.row(latencyCells("delivery", delivery, Format.count(delivery.get("count").asLong())));
            b.append(ws.render("")).append('\n');
        }

        if (!summary.get("slo").isEmpty()) {
            TextTable slo = new TextTable("SLO", "target", "value", "95% CI", "verdict").leftAligned(4);
            StringBuilder uncertain = new StringBuilder();
            for (JsonNode v : summary.get("slo")) {
                JsonNode ci = v.path("ci95");
                String verdict = v.path("verdict").asText(v.get("pass").asBoolean() ? "PASS" : "FAIL");
                slo.row(v.get("metric").asText(), v.get("op").asText() + " " + Format.plain(v.get("target").asDouble()),
                        Format.plain(v.get("value").asDouble()), ci.isArray() ? "[" + Format.bound(ci.get(0).asDouble())
                                + " - " + Format.bound(ci.get(1).asDouble()) + "]" : noInterval(replications), verdict);
                if (verdict.equals("UNCERTAIN")) {
                    uncertain.append("  ").append(v.get("metric").asText()).append(": the 95% CI contains the target; ")
                            .append(settle(v, replications)).append('\n');
                }
            }
            b.append(slo.render("")).append(uncertain).append('\n');
        }

        JsonNode uptime = summary.get("uptime");
        b.append("uptime  ").append(Format.pct(uptime.get("ratio").asDouble(), 3)).append(" of ")
                .append(Format.count(uptime.get("windows").asLong())).append(" windows of ")
                .append(Format.plain(uptime.get("window_s").asDouble())).append(" s meet every target\n");
        if (uptime.has("availability")) {
            b.append("        available ").append(Format.pct(uptime.get("availability").asDouble(), 3))
                    .append(" (windows whose requests were answered within the allowed error ratio, however slow)\n");
        }
        if (uptime.has("states") && uptime.get("states").size() > 1) {
            JsonNode ci = uptime.path("ci95");
            b.append("        95% CI ").append(ci.isArray() ? Format.pct(ci.get(0).asDouble(), 3) + " - "
                    + Format.pct(ci.get(1).asDouble(), 3) : noInterval(replications)).append(", ")
                    .append(Format.num2(uptime.get("downtime_min_per_month").asDouble()))
                    .append(" min down a month, ").append(uptime.get("states").size() - 1)
                    .append(" failure modes weighted by their share of the time\n");
        }
        JsonNode cost = summary.get("cost");
        b.append(CostReport.bill(cost));
        b.append("cost    $").append(Format.num2(cost.get("monthly_usd").asDouble())).append(" / month (")
                .append(Format.plain(cost.get("hours_per_month").asDouble())).append(" h)");
        if (cost.has("monthly_local")) {
            b.append(", ").append(cost.get("currency").asText()).append(' ')
                    .append(Format.num2(cost.get("monthly_local").asDouble())).append(" / month");
        }
        b.append('\n').append(CostReport.comparisons(cost));
        if (!summary.path("notes").isEmpty()) {
            b.append("\nnotes\n");
            summary.get("notes").forEach(n -> b.append("  - ").append(n.asText()).append('\n'));
        }
        return b.toString();
    }

    /** What stands for an interval the summary does not have: with one replication there is none. */
    private static String noInterval(int replications) {
        return replications < 2 ? "n/a (1 replication)" : "n/a";
    }

    /**
     * How many more replications would likely settle an uncertain verdict: the summary's
     * {@code replications_to_settle}, the count at which the interval, shrinking as t / sqrt(n) with
     * the spread it has now, would no longer contain the target if its centre stays where it is.
     */
    private static String settle(JsonNode verdict, int replications) {
        if (!verdict.has("replications_to_settle")) {
            return "the estimate sits on the target: more replications will hardly settle it";
        }
        int all = verdict.get("replications_to_settle").asInt();
        int more = all - replications;
        return "about " + more + " more replication" + (more == 1 ? "" : "s") + " (" + all
                + " in all) would likely settle it";
    }

    /** The name, p50, p95, p99 and p99 interval cells of a latency block, then {@code more}. */
    static String[] latencyCells(String name, JsonNode block, String... more) {
        JsonNode ci = block.path("p99_ci95");
        String[] cells = new String[5 + more.length];
        cells[0] = name;
        cells[1] = Format.ms(block.get("p50").asDouble());
        cells[2] = Format.ms(block.get("p95").asDouble());
        cells[3] = Format.ms(block.get("p99").asDouble());
        cells[4] = ci.isArray() ? "[" + Format.ms(ci.get(0).asDouble()) + " - " + Format.ms(ci.get(1).asDouble()) + "]"
                : "n/a (1 replication)";
        System.arraycopy(more, 0, cells, 5, more.length);
        return cells;
    }
}
