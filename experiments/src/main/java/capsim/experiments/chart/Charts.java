package capsim.experiments.chart;

import capsim.experiments.result.LatencyCdf;
import capsim.experiments.result.RunResult;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartUtils;
import org.jfree.svg.SVGGraphics2D;

/**
 * Every chart of a run, in the order the HTML report shows them: per class its latency over time,
 * per tier its load and capacity, per burstable tier its credit balance, the latency
 * distributions, downtime by failure mode, the uptime windows on a timeline and the bill. Rendered off screen: the CLI runs with {@code java.awt.headless=true}.
 */
public final class Charts {
    private Charts() {
    }

    /** The charts of {@code r}; a chart whose data is absent is left out. */
    public static List<Chart> of(RunResult r) {
        List<Chart> charts = new ArrayList<>();
        JsonNode summary = r.summary();
        for (Map.Entry<String, JsonNode> c : (Iterable<Map.Entry<String, JsonNode>>) summary.path("classes")::fields) {
            TimeCharts.classLatency(r, c.getKey()).ifPresent(charts::add);
        }
        for (Map.Entry<String, JsonNode> t : (Iterable<Map.Entry<String, JsonNode>>) summary.path("tiers")::fields) {
            TimeCharts.tierCapacity(r, t.getKey()).ifPresent(charts::add);
        }
        for (Map.Entry<String, JsonNode> t : (Iterable<Map.Entry<String, JsonNode>>) summary.path("tiers")::fields) {
            TimeCharts.tierCredits(r, t.getKey()).ifPresent(charts::add);
        }
        for (LatencyCdf cdf : r.latencies()) {
            DistributionCharts.cdf(r, cdf).ifPresent(charts::add);
        }
        SummaryCharts.downtime(summary).ifPresent(charts::add);
        UptimeCharts.timeline(r).ifPresent(charts::add);
        SummaryCharts.bill(summary).ifPresent(charts::add);
        return charts;
    }

    /** {@code chart} as an SVG document of {@link Chart#WIDTH} x {@link Chart#HEIGHT} (JFreeSVG). */
    public static String svg(Chart chart) {
        SVGGraphics2D g = new SVGGraphics2D(Chart.WIDTH, Chart.HEIGHT);
        g.setDefsKeyPrefix(chart.file().replaceAll("\\.png$", "") + "-"); // not the default's clock: same chart, same text
        chart.chart().draw(g, new Rectangle(0, 0, Chart.WIDTH, Chart.HEIGHT));
        return g.getSVGDocument();
    }

    /** {@code chart} as a PNG of {@link Chart#WIDTH} x {@link Chart#HEIGHT} pixels. */
    public static byte[] png(Chart chart) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart.chart(), Chart.WIDTH, Chart.HEIGHT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
