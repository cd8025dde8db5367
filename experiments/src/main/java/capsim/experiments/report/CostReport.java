package capsim.experiments.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;

/**
 * The bill in the terminal report, read from summary.json's {@code cost}: a table of the tiers
 * (node type, mean billed nodes, hourly price, surplus credits, month) and the cost lines, then
 * the cost per user, the plan's own monthly figure next to capsim's, and the budget's verdict.
 */
final class CostReport {
    private CostReport() {
    }

    /** The table of tiers and lines between blank lines; "" when the summary has no breakdown. */
    static String bill(JsonNode cost) {
        if (!cost.path("by_tier").isObject() || cost.get("by_tier").isEmpty()) {
            return "";
        }
        TextTable table = new TextTable("bill", "node", "nodes", "$/hour", "credits $/month", "$/month")
                .leftAligned(1);
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) cost.get("by_tier")::fields) {
            JsonNode t = e.getValue();
            double surplus = t.path("credits_surplus_usd").asDouble();
            table.row(e.getKey(), t.path("node").asText(), String.format(Locale.ROOT, "%.2f",
                    t.path("nodes_mean").asDouble()), Format.plain(t.path("hourly_usd").asDouble()),
                    surplus > 0 ? Format.num2(surplus) : "", Format.num2(t.path("monthly_usd").asDouble()));
        }
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) cost.path("lines")::fields) {
            table.row("line " + e.getKey(), "", "", "", "", Format.num2(e.getValue().asDouble()));
        }
        return "\n" + table.render("") + "\n";
    }

    /** Cost per user, the plan's figure and the budget, one indented line each. */
    static String comparisons(JsonNode cost) {
        StringBuilder b = new StringBuilder();
        String indent = "        ";
        String code = cost.path("currency").asText();
        if (cost.has("per_user_usd")) {
            b.append(indent).append('$').append(String.format(Locale.ROOT, "%.4f", cost.get("per_user_usd").asDouble()))
                    .append(" per user a month (").append(Format.count(cost.get("users").asLong())).append(" users)\n");
        }
        if (cost.has("plan_monthly_usd")) {
            b.append(indent).append("plan's own figure: ").append(money(cost, "plan_monthly", code)).append(" / month\n");
        }
        if (cost.has("budget")) {
            JsonNode budget = cost.get("budget");
            boolean min = budget.has("min_monthly_usd");
            boolean max = budget.has("max_monthly_usd");
            String range = min && max ? money(budget, "min_monthly", code) + " to " + money(budget, "max_monthly", code)
                    : min ? "at least " + money(budget, "min_monthly", code) : "at most " + money(budget, "max_monthly", code);
            b.append(indent).append("budget ").append(range).append(" / month: ")
                    .append(budget.get("verdict").asText().toUpperCase(Locale.ROOT)).append('\n');
        }
        return b.toString();
    }

    /** {@code PREFIX_usd} as $, with {@code PREFIX_local} beside it when present. */
    private static String money(JsonNode node, String prefix, String currencyCode) {
        String usd = "$" + Format.num2(node.get(prefix + "_usd").asDouble());
        return node.has(prefix + "_local") ? usd + " (" + currencyCode + " "
                + Format.num2(node.get(prefix + "_local").asDouble()) + ")" : usd;
    }
}
