package capsim.experiments.chart;

import capsim.experiments.result.Columns;
import capsim.experiments.result.RunResult;
import capsim.experiments.result.TimeSeries;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.util.List;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Charts over simulated time, one point per window: a class's latency percentiles with the SLO
 * targets, and a tier's utilisation and nodes. Each line is the mean over the replications and
 * its shaded band runs from the lowest replication to the highest.
 */
final class TimeCharts {
    static final String TIME = "simulated time (s)";

    private TimeCharts() {
    }

    /** The percentiles of class {@code name} over time, with its latency targets; empty without windows. */
    static Optional<Chart> classLatency(RunResult r, String name) {
        TimeSeries s = r.series();
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (String stat : List.of("p50_ms", "p95_ms", "p99_ms")) {
            String column = Columns.ofClass(name, stat);
            if (s.has(column)) {
                data.addSeries(band(s, column, stat.replace("_ms", "")));
            }
        }
        if (data.getSeriesCount() == 0 || s.windows().isEmpty()) {
            return Optional.empty();
        }
        XYPlot plot = plot(data, "latency (ms)");
        double top = maxUpper(data);
        for (Targets.Target t : Targets.under(r.summary(), "classes." + name + ".latency_ms.")) {
            plot.addRangeMarker(Style.target(t.value(), t.label(" ms"), Style.Line.LABEL_ABOVE));
            top = Math.max(top, t.value());
        }
        plot.getRangeAxis().setRange(0, top * 1.1);
        return Optional.of(new Chart("latency-" + name + ".png", "Class " + name + ": latency percentiles per "
                + windowLabel(s) + " window" + bandNote(s), chart("class " + name + ": latency over time", plot)));
    }

    /** Utilisation of tier {@code name} (left axis) and its nodes (right axis) over time. */
    static Optional<Chart> tierCapacity(RunResult r, String name) {
        TimeSeries s = r.series();
        String util = Columns.ofTier(name, Columns.UTILIZATION);
        if (!s.has(util) || s.windows().isEmpty()) {
            return Optional.empty();
        }
        YIntervalSeriesCollection load = new YIntervalSeriesCollection();
        load.addSeries(band(s, util, "utilisation", 100));
        String offered = Columns.ofTier(name, Columns.OFFERED);
        if (s.has(offered)) {
            load.addSeries(band(s, offered, "offered load (work / servers in service)", 100));
        }
        XYPlot plot = plot(load, "% of servers in service");
        YIntervalSeriesCollection nodes = new YIntervalSeriesCollection();
        for (String[] c : new String[][] {{Columns.NODES, "nodes in service"}, {Columns.DESIRED, "nodes desired"},
            {Columns.BOOTING, "nodes booting"}}) {
            if (s.has(Columns.ofTier(name, c[0]))) {
                nodes.addSeries(band(s, Columns.ofTier(name, c[0]), c[1]));
            }
        }
        NumberAxis nodeAxis = new NumberAxis("nodes");
        nodeAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        nodeAxis.setRange(0, Math.max(1, maxUpper(nodes)) * 1.25);
        plot.setRangeAxis(1, nodeAxis);
        plot.setDataset(1, nodes);
        plot.mapDatasetToRangeAxis(1, 1);
        DeviationRenderer nodeRenderer = renderer(nodes.getSeriesCount(), 3);
        plot.setRenderer(1, nodeRenderer);
        plot.getRangeAxis().setRange(0, Math.max(100, maxUpper(load)) * 1.1);
        return Optional.of(new Chart("tier-" + name + ".png", "Tier " + name + ": utilisation and nodes per "
                + windowLabel(s) + " window" + bandNote(s), chart("tier " + name + ": load and capacity", plot)));
    }

    /**
     * The CPU credit balance per running node of burstable tier {@code name} over time, with a
     * line at 0: below it an unlimited-mode tier is billed the surplus, and a standard-mode tier
     * is held at baseline at it. Empty when the tier earns no credits.
     */
    static Optional<Chart> tierCredits(RunResult r, String name) {
        TimeSeries s = r.series();
        String credits = Columns.ofTier(name, Columns.CREDITS);
        if (!s.has(credits) || s.windows().isEmpty()) {
            return Optional.empty();
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        data.addSeries(band(s, credits, "credits per running node"));
        XYPlot plot = plot(data, "CPU credits per node");
        plot.addRangeMarker(Style.target(0, "0: surplus billed (unlimited) or baseline speed (standard) below",
                Style.Line.LABEL_BELOW));
        NumberAxis axis = (NumberAxis) plot.getRangeAxis();
        axis.setAutoRangeIncludesZero(true);
        return Optional.of(new Chart("credits-" + name + ".png", "Tier " + name + ": CPU credit balance per running"
                + " node per " + windowLabel(s) + " window" + bandNote(s), chart("tier " + name
                + ": CPU credit balance", plot)));
    }

    /** The mean over replications of {@code column} with its min-max band, times {@code scale}. */
    static YIntervalSeries band(TimeSeries s, String column, String label, double scale) {
        YIntervalSeries series = new YIntervalSeries(label);
        double[] t = s.startTimes();
        double[][] b = s.acrossReplications(column);
        for (int i = 0; i < t.length; i++) {
            if (!Double.isNaN(b[i][1])) {
                series.add(t[i], b[i][1] * scale, b[i][0] * scale, b[i][2] * scale);
            }
        }
        return series;
    }

    static YIntervalSeries band(TimeSeries s, String column, String label) {
        return band(s, column, label, 1);
    }

    static XYPlot plot(YIntervalSeriesCollection data, String rangeLabel) {
        NumberAxis time = new NumberAxis(TIME);
        time.setAutoRangeIncludesZero(false);
        return new XYPlot(data, time, new NumberAxis(rangeLabel), renderer(data.getSeriesCount(), 0));
    }

    /** Lines with their bands, coloured from {@code firstColour} of the palette on. */
    static DeviationRenderer renderer(int series, int firstColour) {
        DeviationRenderer r = new DeviationRenderer(true, false);
        r.setAlpha(0.2f);
        for (int i = 0; i < series; i++) {
            Paint p = Style.PALETTE[(firstColour + i) % Style.PALETTE.length];
            r.setSeriesPaint(i, p);
            r.setSeriesFillPaint(i, p);
            r.setSeriesStroke(i, new BasicStroke(2f));
        }
        return r;
    }

    static JFreeChart chart(String title, XYPlot plot) {
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.getLegend().setBackgroundPaint(Color.WHITE);
        return Style.apply(chart);
    }

    static double maxUpper(YIntervalSeriesCollection data) {
        double max = 0;
        for (int s = 0; s < data.getSeriesCount(); s++) {
            for (int i = 0; i < data.getItemCount(s); i++) {
                max = Math.max(max, data.getEndYValue(s, i));
            }
        }
        return max;
    }

    private static String windowLabel(TimeSeries s) {
        double[] t = s.startTimes();
        return t.length > 1 ? Numbers.plain(t[1] - t[0]) + " s" : "";
    }

    private static String bandNote(TimeSeries s) {
        int reps = s.byReplication().size();
        return reps > 1 ? "; lines are the mean of " + reps + " replications, bands their lowest to highest" : "";
    }
}
