package capsim.experiments.chart;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Color;
import java.util.Map;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;

/** Charts of the summary's totals: downtime by failure mode, and the monthly bill against the budget. */
final class SummaryCharts {
    private static final double MINUTES_PER_DAY = 1440;

    private SummaryCharts() {
    }

    /**
     * Minutes down a month by failure mode: a mode's share of the time x the share of its windows
     * that missed the targets x the minutes of a month; the total against what the uptime target
     * allows. Empty when the summary has no failure states.
     */
    static Optional<Chart> downtime(JsonNode summary) {
        JsonNode uptime = summary.path("uptime");
        if (!uptime.path("states").isArray() || uptime.get("states").size() < 2) {
            return Optional.empty();
        }
        double minutesPerMonth = uptime.path("days_per_month").asDouble(30) * MINUTES_PER_DAY;
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (JsonNode state : uptime.get("states")) {
            data.addValue(downMinutes(state, minutesPerMonth), "minutes down a month", state.path("name").asText());
        }
        data.addValue(uptime.path("downtime_min_per_month").asDouble(), "minutes down a month", "total");
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(), new NumberAxis("minutes down a month"),
                bars());
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        double top = uptime.path("downtime_min_per_month").asDouble();
        for (Targets.Target t : Targets.under(summary, "uptime.")) {
            if (t.stat().equals("ratio")) {
                double allowed = (1 - t.value()) * minutesPerMonth;
                plot.addRangeMarker(Style.target(allowed, "allowed by uptime " + t.op() + " " + Numbers.plain(t.value())
                        + ": " + Numbers.plain(Math.round(allowed * 10) / 10.0) + " min", Style.Line.VERTICAL));
                top = Math.max(top, allowed);
            }
        }
        plot.getRangeAxis().setRange(0, Math.max(top, 1e-3) * 1.15);
        return Optional.of(new Chart("downtime.png", "Minutes down a month by failure mode (share of the time in"
                + " the mode x share of its windows that missed the targets)", chart("downtime by failure mode", plot)));
    }

    /** Downtime minutes a month of one uptime state. */
    static double downMinutes(JsonNode state, double minutesPerMonth) {
        return state.path("fraction_of_time").asDouble() * (1 - state.path("compliance").asDouble())
                * minutesPerMonth;
    }

    /** The month's bill stacked by tier and cost line, the plan's own figure beside it, the budget shaded. */
    static Optional<Chart> bill(JsonNode summary) {
        JsonNode cost = summary.path("cost");
        if (!cost.has("monthly_usd")) {
            return Optional.empty();
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String capsim = "capsim";
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) cost.path("by_tier")::fields) {
            data.addValue(e.getValue().path("monthly_usd").asDouble(), "tier " + e.getKey(), capsim);
        }
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) cost.path("lines")::fields) {
            data.addValue(e.getValue().asDouble(), e.getKey(), capsim);
        }
        if (data.getRowCount() == 0) {
            data.addValue(cost.get("monthly_usd").asDouble(), "total", capsim);
        }
        if (cost.has("plan_monthly_usd")) {
            data.addValue(cost.get("plan_monthly_usd").asDouble(), "plan's own figure", "plan");
        }
        StackedBarRenderer renderer = new StackedBarRenderer();
        renderer.setMaximumBarWidth(0.3);
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        for (int i = 0; i < data.getRowCount(); i++) {
            renderer.setSeriesPaint(i, Style.PALETTE[i % Style.PALETTE.length]);
        }
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(), new NumberAxis("US$ a month"), renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        double top = Math.max(cost.get("monthly_usd").asDouble(), cost.path("plan_monthly_usd").asDouble());
        JsonNode budget = cost.path("budget");
        if (budget.has("min_monthly_usd") || budget.has("max_monthly_usd")) {
            double lo = budget.path("min_monthly_usd").asDouble(0);
            double hi = budget.path("max_monthly_usd").asDouble(top * 1.1);
            IntervalMarker band = new IntervalMarker(lo, hi, new Color(0, 158, 115, 50));
            band.setLabel("budget " + Numbers.usd(lo) + (budget.has("max_monthly_usd") ? " - " + Numbers.usd(hi) : "+")
                    + ": " + budget.path("verdict").asText().toUpperCase(java.util.Locale.ROOT));
            band.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            band.setLabelTextAnchor(TextAnchor.TOP_LEFT);
            plot.addRangeMarker(band, Layer.BACKGROUND);
            top = Math.max(top, hi);
        }
        plot.getRangeAxis().setRange(0, top * 1.1);
        return Optional.of(new Chart("bill.png", "The monthly bill (" + Numbers.usd(cost.get("monthly_usd").asDouble())
                + ", 730 h) by tier and cost line, against the budget", chart("monthly bill", plot)));
    }

    private static BarRenderer bars() {
        BarRenderer r = new BarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setMaximumBarWidth(0.08);
        r.setSeriesPaint(0, Style.PALETTE[5]);
        return r;
    }

    private static JFreeChart chart(String title, CategoryPlot plot) {
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, plot.getDataset().getRowCount() > 1);
        return Style.apply(chart);
    }
}
