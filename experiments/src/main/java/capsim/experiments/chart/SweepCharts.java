package capsim.experiments.chart;

import capsim.experiments.result.SweepData;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYPointerAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The charts of a sweep: every point's monthly cost against its p99 with the Pareto front (the
 * points no other point beats on both), the SLO target as a line and the best point labelled; and,
 * when two parameters vary, a heat map of the p99 over the grid of their values.
 */
public final class SweepCharts {
    /** Series names of the cost-latency chart, in dataset order. */
    static final String PASSING = "passes every SLO";
    static final String FAILING = "fails an SLO";
    static final String FRONT = "Pareto front (no point cheaper and faster)";

    private SweepCharts() {
    }

    /** The charts of {@code d}, in the order the report shows them; a chart without data is left out. */
    public static List<Chart> of(SweepData d) {
        List<Chart> charts = new ArrayList<>();
        costAgainstLatency(d).ifPresent(charts::add);
        heatMap(d).ifPresent(charts::add);
        return charts;
    }

    /** A point of the chart: its number, latency, cost and whether it passed every SLO. */
    record Point(int number, double latency, double cost, boolean passes) {
    }

    /** The points that have both a latency and a cost, in sweep order. */
    static List<Point> points(SweepData d, String latency) {
        List<Point> points = new ArrayList<>();
        for (JsonNode p : d.points()) {
            int n = p.path("point").asInt();
            OptionalDouble x = d.value(n, latency);
            OptionalDouble y = d.value(n, SweepData.COST);
            if (x.isPresent() && y.isPresent()) {
                points.add(new Point(n, x.getAsDouble(), y.getAsDouble(), p.path("all_pass").asBoolean()));
            }
        }
        return points;
    }

    /**
     * The points that no other point beats on both latency and cost (lower or equal on both,
     * lower on one), by increasing latency.
     */
    static List<Point> paretoFront(List<Point> points) {
        List<Point> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(Point::latency).thenComparingDouble(Point::cost));
        List<Point> front = new ArrayList<>();
        double cheapest = Double.POSITIVE_INFINITY;
        for (Point p : sorted) {
            if (p.cost() < cheapest) {
                front.add(p);
                cheapest = p.cost();
            }
        }
        return front;
    }

    static Optional<Chart> costAgainstLatency(SweepData d) {
        String metric = d.latencyMetric();
        List<Point> points = points(d, metric);
        if (points.isEmpty()) {
            return Optional.empty();
        }
        XYSeries passing = new XYSeries(PASSING, false);
        XYSeries failing = new XYSeries(FAILING, false);
        for (Point p : points) {
            (p.passes() ? passing : failing).add(p.latency(), p.cost());
        }
        XYSeries front = new XYSeries(FRONT, false);
        paretoFront(points).forEach(p -> front.add(p.latency(), p.cost()));
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(passing);
        data.addSeries(failing);
        data.addSeries(front);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer();
        renderer.setSeriesLinesVisible(0, false);
        renderer.setSeriesLinesVisible(1, false);
        renderer.setSeriesShapesVisible(2, false);
        renderer.setSeriesPaint(0, Style.PALETTE[2]);
        renderer.setSeriesPaint(1, Color.GRAY);
        renderer.setSeriesPaint(2, Style.PALETTE[0]);
        renderer.setSeriesStroke(2, new BasicStroke(2f));
        NumberAxis latency = new NumberAxis(metric + " (ms)");
        latency.setAutoRangeIncludesZero(false);
        NumberAxis cost = new NumberAxis("US$ a month");
        cost.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, latency, cost, renderer);
        double lo = points.stream().mapToDouble(Point::latency).min().orElse(0);
        double hi = points.stream().mapToDouble(Point::latency).max().orElse(1);
        Optional<JsonNode> target = d.target(metric);
        if (target.isPresent()) {
            double t = target.get().path("target").asDouble();
            plot.addDomainMarker(Style.target(t, "SLO " + target.get().path("op").asText() + " " + Numbers.plain(t)
                    + " ms", Style.Line.VERTICAL));
            lo = Math.min(lo, t);
            hi = Math.max(hi, t);
        }
        double pad = Math.max(hi - lo, Math.abs(hi) * 0.05 + 1e-9) * 0.1;
        latency.setRange(lo - pad, hi + pad * 3);
        for (Point p : points) {
            XYTextAnnotation label = new XYTextAnnotation(String.format(java.util.Locale.ROOT, " %03d", p.number()),
                    p.latency(), p.cost());
            label.setTextAnchor(TextAnchor.BOTTOM_LEFT);
            label.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
            label.setPaint(Color.DARK_GRAY);
            plot.addAnnotation(label);
        }
        d.best().flatMap(b -> points.stream().filter(p -> p.number() == b).findFirst()).ifPresent(b -> {
            JsonNode entry = d.points().stream().filter(p -> p.path("point").asInt() == b.number()).findFirst()
                    .orElseThrow();
            XYPointerAnnotation best = new XYPointerAnnotation("best: point " + String.format(java.util.Locale.ROOT,
                    "%03d", b.number()) + " (" + SweepData.params(entry) + ")", b.latency(), b.cost(),
                    -Math.PI / 4);
            best.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
            best.setPaint(Style.TARGET);
            best.setArrowPaint(Style.TARGET);
            best.setTextAnchor(TextAnchor.BOTTOM_LEFT);
            plot.addAnnotation(best);
        });
        return Optional.of(new Chart("sweep-cost-latency.png", "Every point's monthly cost against its " + metric
                + ", the Pareto front and the SLO target" + (d.best().isPresent() ? "; the best point labelled" : ""),
                chart("cost against " + metric, plot)));
    }

    /**
     * The p99 over the grid of two swept parameters' values (the first across, the second up),
     * each cell labelled with its p99 and cost; empty unless exactly two parameters vary.
     */
    static Optional<Chart> heatMap(SweepData d) {
        List<String> params = d.parameters();
        if (params.size() != 2) {
            return Optional.empty();
        }
        String metric = d.latencyMetric();
        List<String> xs = new ArrayList<>();
        List<String> ys = new ArrayList<>();
        for (JsonNode p : d.points()) {
            addOnce(xs, value(p, params.get(0)));
            addOnce(ys, value(p, params.get(1)));
        }
        if (xs.size() < 2 || ys.size() < 2) {
            return Optional.empty();
        }
        List<double[]> cells = new ArrayList<>();
        List<XYTextAnnotation> labels = new ArrayList<>();
        XYPlot plot = new XYPlot();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (JsonNode p : d.points()) {
            int n = p.path("point").asInt();
            OptionalDouble v = d.value(n, metric);
            if (v.isEmpty()) {
                continue;
            }
            double x = xs.indexOf(value(p, params.get(0)));
            double y = ys.indexOf(value(p, params.get(1)));
            cells.add(new double[] {x, y, v.getAsDouble()});
            min = Math.min(min, v.getAsDouble());
            max = Math.max(max, v.getAsDouble());
            String cost = d.value(n, SweepData.COST).isPresent()
                    ? ", " + Numbers.usd(d.value(n, SweepData.COST).getAsDouble()) : "";
            XYTextAnnotation label = new XYTextAnnotation(Numbers.plain(Math.round(v.getAsDouble() * 10) / 10.0)
                    + " ms" + cost + (p.path("all_pass").asBoolean() ? "" : " (fails)"), x, y);
            label.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            labels.add(label);
        }
        if (cells.isEmpty()) {
            return Optional.empty();
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        double[][] series = new double[3][cells.size()];
        for (int i = 0; i < cells.size(); i++) {
            for (int k = 0; k < 3; k++) {
                series[k][i] = cells.get(i)[k];
            }
        }
        data.addSeries(metric, series);
        Scale scale = new Scale(min, max > min ? max : min + 1);
        for (int i = 0; i < labels.size(); i++) {
            labels.get(i).setPaint(scale.dark(cells.get(i)[2]) ? Color.WHITE : Color.BLACK);
            plot.addAnnotation(labels.get(i));
        }
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(scale);
        plot.setDataset(data);
        plot.setRenderer(renderer);
        SymbolAxis across = new SymbolAxis(params.get(0), xs.toArray(String[]::new));
        SymbolAxis up = new SymbolAxis(params.get(1), ys.toArray(String[]::new));
        across.setGridBandsVisible(false);
        up.setGridBandsVisible(false);
        across.setRange(-0.5, xs.size() - 0.5);
        up.setRange(-0.5, ys.size() - 0.5);
        plot.setDomainAxis(across);
        plot.setRangeAxis(up);
        JFreeChart chart = new JFreeChart(metric + " by " + params.get(0) + " and " + params.get(1),
                JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        NumberAxis legendAxis = new NumberAxis(metric + " (ms)");
        legendAxis.setRange(scale.getLowerBound(), scale.getUpperBound());
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setMargin(4, 8, 4, 8);
        chart.addSubtitle(legend);
        return Optional.of(new Chart("sweep-heatmap.png", metric + " at each pair of " + params.get(0) + " and "
                + params.get(1) + "; each cell also gives the monthly cost", Style.apply(chart)));
    }

    /** A point's value of {@code param} as text ({@code base} where it keeps the base model's). */
    private static String value(JsonNode point, String param) {
        JsonNode v = point.path("params").path(param);
        return v.isMissingNode() || v.isNull() ? "base" : v.asText();
    }

    private static void addOnce(List<String> list, String value) {
        if (!list.contains(value)) {
            list.add(value);
        }
    }

    private static JFreeChart chart(String title, XYPlot plot) {
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        chart.getLegend().setBackgroundPaint(Color.WHITE);
        return Style.apply(chart);
    }

    /** Light yellow at the lowest value to dark red at the highest. */
    record Scale(double getLowerBound, double getUpperBound) implements PaintScale {
        private static final Color LOW = new Color(0xFFF5CC);
        private static final Color HIGH = new Color(0xB2182B);

        /** True where the colour of {@code value} is dark enough to need white text on it. */
        boolean dark(double value) {
            return share(value) > 0.55;
        }

        private double share(double value) {
            return Math.max(0, Math.min(1, (value - getLowerBound) / (getUpperBound - getLowerBound)));
        }

        @Override
        public Paint getPaint(double value) {
            double f = share(value);
            return new Color(mix(LOW.getRed(), HIGH.getRed(), f), mix(LOW.getGreen(), HIGH.getGreen(), f),
                    mix(LOW.getBlue(), HIGH.getBlue(), f));
        }

        private static int mix(int a, int b, double f) {
            return (int) Math.round(a + (b - a) * f);
        }
    }
}
