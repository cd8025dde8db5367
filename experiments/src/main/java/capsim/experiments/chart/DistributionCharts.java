package capsim.experiments.chart;

import capsim.experiments.result.LatencyCdf;
import capsim.experiments.result.RunResult;
import java.awt.BasicStroke;
import java.util.Optional;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The latency distribution of a class (or of WebSocket delivery), merged over the replications,
 * as a cumulative distribution on a logarithmic latency axis; each percentile target is marked
 * twice: its latency (vertical) and its fraction (horizontal), so the curve must pass left of
 * where they cross.
 */
final class DistributionCharts {
    private DistributionCharts() {
    }

    /** The chart of {@code cdf}; empty when it holds no value above 0 ms. */
    static Optional<Chart> cdf(RunResult r, LatencyCdf cdf) {
        XYSeries series = new XYSeries(cdf.metric(), false);
        for (int i = 0; i < cdf.ms().length; i++) {
            if (cdf.ms()[i] > 0) {
                series.add(cdf.ms()[i], cdf.fractions()[i]);
            }
        }
        if (series.getItemCount() == 0) {
            return Optional.empty();
        }
        LogAxis latency = new LogAxis("latency (ms, log scale)");
        latency.setSmallestValue(1e-3);
        latency.setNumberFormatOverride(new java.text.DecimalFormat("0.###"));
        NumberAxis fraction = new NumberAxis("fraction of requests at or below");
        fraction.setRange(0, 1.02);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setSeriesPaint(0, Style.PALETTE[0]);
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        XYPlot plot = new XYPlot(new XYSeriesCollection(series), latency, fraction, renderer);
        double lo = series.getMinX();
        double hi = series.getMaxX();
        for (Targets.Target t : Targets.under(r.summary(), cdf.metric() + ".")) {
            plot.addDomainMarker(Style.target(t.value(), t.label(" ms"), Style.Line.VERTICAL));
            hi = Math.max(hi, t.value());
            if (t.stat().matches("p\\d+")) {
                double level = Double.parseDouble("0." + t.stat().substring(1));
                plot.addRangeMarker(Style.target(level, t.stat(), Style.Line.LABEL_BELOW));
            }
        }
        latency.setRange(lo / 1.5, hi * 1.5);
        String name = cdf.metric().replace(".latency_ms", "").replace("classes.", "class ");
        String file = "cdf-" + cdf.metric().replace("classes.", "").replace(".latency_ms", "")
                .replace(".delivery_ms", "-delivery").replace('.', '-') + ".png";
        return Optional.of(new Chart(file, "Latency distribution of " + name
                + " (all replications merged), with its targets", TimeCharts.chart(name + ": latency distribution",
                plot)));
    }
}
