package capsim.experiments.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import capsim.experiments.report.SweepReport;
import capsim.experiments.result.SweepData;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jfree.chart.annotations.XYAnnotation;
import org.jfree.chart.annotations.XYPointerAnnotation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYZDataset;
import org.junit.jupiter.api.Test;

/*
 * A 2 x 2 sweep over app.count (2, 4) and db.node (a, b), target p99 <= 100 ms:
 *   point 1 (2, a): p99 120 ms, $100, fails      point 2 (4, a): p99 60 ms, $200
 *   point 3 (2, b): p99  70 ms, $250             point 4 (4, b): p99 50 ms, $300
 * Point 3 is beaten on both by point 2 (faster and cheaper); the Pareto front by latency is
 * 4 (50, 300), 2 (60, 200), 1 (120, 100). The cheapest passing point, the best, is 2.
 */
class SweepChartsTest {
    private static final double[][] POINTS = {{2, 'a', 120, 100, 0}, {4, 'a', 60, 200, 1}, {2, 'b', 70, 250, 1},
        {4, 'b', 50, 300, 1}};

    private static SweepData sweep() throws IOException {
        ObjectMapper json = new ObjectMapper();
        StringBuilder points = new StringBuilder();
        Map<Integer, JsonNode> summaries = new LinkedHashMap<>();
        for (int i = 0; i < POINTS.length; i++) {
            double[] p = POINTS[i];
            int n = i + 1;
            boolean pass = p[4] == 1;
            points.append(i > 0 ? "," : "").append(String.format(java.util.Locale.ROOT, """
                    {"point": %d, "params": {"tiers.app.count": %d, "tiers.db.node": "%s"},
                     "summary": "points/00%d/summary.json",
                     "slo": [{"metric": "classes.api.latency_ms.p99", "value": %s, "ci95": null, "verdict": "%s"}],
                     "uptime.ratio": 1, "cost.monthly_usd": %s, "all_pass": %s}""", n, (int) p[0], (char) p[1], n,
                    p[2], pass ? "PASS" : "FAIL", p[3], pass));
            summaries.put(n, json.readTree(String.format(java.util.Locale.ROOT, """
                    {"model": "shop", "classes": {"api": {"latency_ms": {"p99": %s}}}, "cost": {"monthly_usd": %s},
                     "slo": [{"metric": "classes.api.latency_ms.p99", "target": 100, "op": "<=", "value": %s}]}""",
                    p[2], p[3], p[2])));
        }
        JsonNode sweep = json.readTree("{\"parameters\": [\"tiers.app.count\", \"tiers.db.node\"], \"choose\": "
                + "\"cost.monthly_usd\", \"points\": [" + points + "], \"best\": {\"point\": 2, \"params\": "
                + "{\"tiers.app.count\": 4, \"tiers.db.node\": \"a\"}, \"value\": 200}}");
        return new SweepData(sweep, summaries);
    }

    private static Map<String, Chart> charts() throws IOException {
        Map<String, Chart> charts = new LinkedHashMap<>();
        SweepCharts.of(sweep()).forEach(c -> charts.put(c.file(), c));
        return charts;
    }

    @Test
    void costAgainstLatencyPlotsEveryPointTheParetoFrontTheTargetAndTheBest() throws IOException {
        XYPlot plot = charts().get("sweep-cost-latency.png").chart().getXYPlot();
        XYDataset data = plot.getDataset();

        assertEquals(List.of(List.of(60.0, 200.0), List.of(70.0, 250.0), List.of(50.0, 300.0)), items(data, 0));
        assertEquals(List.of(List.of(120.0, 100.0)), items(data, 1));
        assertEquals(List.of(List.of(50.0, 300.0), List.of(60.0, 200.0), List.of(120.0, 100.0)), items(data, 2));
        assertEquals(List.of(100.0), plot.getDomainMarkers(Layer.FOREGROUND).stream()
                .map(m -> ((ValueMarker) m).getValue()).toList());
        List<XYAnnotation> pointers = plot.getAnnotations().stream().filter(a -> a instanceof XYPointerAnnotation)
                .toList();
        assertEquals(1, pointers.size());
        XYPointerAnnotation best = (XYPointerAnnotation) pointers.get(0);
        assertEquals(60, best.getX());
        assertEquals(200, best.getY());
        assertEquals("best: point 002 (tiers.app.count=4, tiers.db.node=a)", best.getText());
    }

    @Test
    void heatMapHasOneCellPerPairOfValuesHoldingItsP99() throws IOException {
        XYPlot plot = charts().get("sweep-heatmap.png").chart().getXYPlot();
        XYZDataset data = (XYZDataset) plot.getDataset();

        assertEquals(4, data.getItemCount(0));
        // app.count across (2 -> 0, 4 -> 1), db.node up (a -> 0, b -> 1)
        double[][] expected = {{0, 0, 120}, {1, 0, 60}, {0, 1, 70}, {1, 1, 50}};
        for (int i = 0; i < 4; i++) {
            assertEquals(expected[i][0], data.getXValue(0, i));
            assertEquals(expected[i][1], data.getYValue(0, i));
            assertEquals(expected[i][2], data.getZValue(0, i));
        }
    }

    @Test
    void theParetoFrontKeepsOnlyPointsNoOtherBeatsOnBoth() {
        List<SweepCharts.Point> points = List.of(new SweepCharts.Point(1, 10, 5, true),
                new SweepCharts.Point(2, 10, 4, true), new SweepCharts.Point(3, 20, 4, true),
                new SweepCharts.Point(4, 5, 9, false));

        // 1 is beaten by 2 (same latency, cheaper), 3 by 2 (same cost, faster)
        assertEquals(List.of(4, 2), SweepCharts.paretoFront(points).stream().map(SweepCharts.Point::number).toList());
    }

    @Test
    void everyImageIsFullSizeAndNotBlankAndTheReportLeadsWithTheVerdict() throws IOException {
        SweepData d = sweep();
        List<RenderedCharts.Image> images = new RenderedCharts<>(SweepCharts::of).of(d);

        assertEquals(2, images.size());
        for (RenderedCharts.Image image : images) {
            BufferedImage png = ImageIO.read(new ByteArrayInputStream(image.png()));
            assertEquals(Chart.WIDTH, png.getWidth(), image.chart().file());
            assertEquals(Chart.HEIGHT, png.getHeight(), image.chart().file());
            assertTrue(ImageCheck.lumaVariance(png) > 100, image.chart().file() + " looks blank");
        }
        String html = SweepReport.render(d, images);
        assertTrue(html.indexOf("id=\"verdict\"") < html.indexOf("<img"), "the verdict comes first");
        assertTrue(html.contains("3 of 4 points pass every SLO; best: <b>point 002</b> (tiers.app.count=4,"
                + " tiers.db.node=a), cost.monthly_usd = 200"), html);
    }

    private static List<List<Double>> items(XYDataset data, int series) {
        List<List<Double>> items = new ArrayList<>();
        for (int i = 0; i < data.getItemCount(series); i++) {
            items.add(List.of(data.getXValue(series, i), data.getYValue(series, i)));
        }
        return items;
    }
}
