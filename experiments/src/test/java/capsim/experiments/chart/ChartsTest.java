package capsim.experiments.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import capsim.experiments.result.Columns;
import capsim.experiments.result.LatencyCdf;
import capsim.experiments.result.ModelCopy;
import capsim.experiments.result.RunResult;
import capsim.experiments.result.TimeSeries;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.io.StringReader;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.xy.XYDataset;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/** Each chart plots exactly the recorded numbers, marks the targets, and draws a full, non-blank image. */
class ChartsTest {
    private static final String API_P99 = Columns.ofClass("api", Columns.P99_MS);
    private static final String APP_UTIL = Columns.ofTier("app", Columns.UTILIZATION);
    private static final String APP_NODES = Columns.ofTier("app", Columns.NODES);
    private static final String APP_CREDITS = Columns.ofTier("app", Columns.CREDITS);

    /* Two replications, two 10 s windows: api p99 (ms), app utilisation, nodes and credits. */
    private static final TimeSeries SERIES = new TimeSeries(List.of(API_P99, APP_UTIL, APP_NODES, APP_CREDITS),
            List.of(new TimeSeries.Window("", 0, 0, new double[] {40, 0.5, 2, 10}),
                    new TimeSeries.Window("", 0, 10, new double[] {90, 0.75, 3, 12}),
                    new TimeSeries.Window("", 1, 0, new double[] {60, 0.25, 2, 8}),
                    new TimeSeries.Window("", 1, 10, new double[] {110, 0.85, 4, -14})));

    /* Uptime windows: replication 0 missed one normal window and one of a scenario; replication 1 met all. */
    private static final TimeSeries UPTIME = new TimeSeries(RunResult.UPTIME_COLUMNS, List.of(
            new TimeSeries.Window(RunResult.NORMAL, 0, 0, new double[] {10, 1, 1}),
            new TimeSeries.Window(RunResult.NORMAL, 0, 10, new double[] {10, 1, 0}),
            new TimeSeries.Window(RunResult.NORMAL, 1, 0, new double[] {10, 1, 1}),
            new TimeSeries.Window(RunResult.NORMAL, 1, 10, new double[] {10, 1, 1}),
            new TimeSeries.Window("node down: app", 0, 40, new double[] {10, 2, 0}),
            new TimeSeries.Window("node down: app", 1, 40, new double[] {10, 2, 1})));

    private static final String SUMMARY = """
            {"model": "shop", "run": {"duration_s": 20, "warmup_s": 0, "replications": 2, "seed": 1},
             "classes": {"api": {}}, "tiers": {"app": {}},
             "slo": [{"metric": "classes.api.latency_ms.p99", "target": 200, "op": "<=", "value": 100, "pass": true},
                     {"metric": "uptime.ratio", "target": 0.999, "op": ">=", "value": 0.9995, "pass": true}],
             "uptime": {"ratio": 0.9995, "days_per_month": 30, "downtime_min_per_month": 21.6,
               "states": [{"name": "normal", "fraction_of_time": 0.999, "compliance": 1},
                          {"name": "node down: app", "fraction_of_time": 0.001, "compliance": 0.5}]},
             "cost": {"monthly_usd": 300, "by_tier": {"app": {"monthly_usd": 250}}, "lines": {"s3": 50},
               "budget": {"max_monthly_usd": 200, "verdict": "over"}}}""";

    private static RunResult result() throws IOException {
        JsonNode summary = new ObjectMapper().readTree(SUMMARY);
        LatencyCdf cdf = new LatencyCdf("classes.api.latency_ms", new double[] {0.5, 0.9, 0.99, 1},
                new double[] {10, 50, 100, 150});
        return new RunResult(summary, SERIES, TimeSeries.empty(), List.of(cdf), ModelCopy.none(), UPTIME);
    }

    private static Map<String, Chart> charts() throws IOException {
        return Charts.of(result()).stream().collect(Collectors.toMap(Chart::file, Function.identity()));
    }

    @Test
    void latencyOverTimeIsTheMeanOfTheReplicationsWithTheirRangeAndTheTarget() throws IOException {
        XYPlot plot = charts().get("latency-api.png").chart().getXYPlot();
        YIntervalSeriesCollection data = (YIntervalSeriesCollection) plot.getDataset();

        assertEquals(1, data.getSeriesCount());
        // window 0: replications 40 and 60 -> mean 50, band 40..60; window 10: 90 and 110 -> 100, 90..110
        assertPoint(data, 0, 0, 0, 50, 40, 60);
        assertPoint(data, 0, 1, 10, 100, 90, 110);
        assertEquals(List.of(200.0), values(plot.getRangeMarkers(Layer.FOREGROUND)));
        assertTrue(plot.getRangeAxis().getUpperBound() > 200, "the target is in view");
    }

    @Test
    void tierChartPlotsUtilisationInPercentAndNodesOnTheirOwnAxis() throws IOException {
        XYPlot plot = charts().get("tier-app.png").chart().getXYPlot();
        YIntervalSeriesCollection util = (YIntervalSeriesCollection) plot.getDataset(0);
        YIntervalSeriesCollection nodes = (YIntervalSeriesCollection) plot.getDataset(1);

        // utilisation 0.5 and 0.25 -> 37.5% (25..50); 0.75 and 0.85 -> 80% (75..85)
        assertPoint(util, 0, 0, 0, 37.5, 25, 50);
        assertPoint(util, 0, 1, 10, 80, 75, 85);
        assertPoint(nodes, 0, 0, 0, 2, 2, 2);
        assertPoint(nodes, 0, 1, 10, 3.5, 3, 4);
        assertEquals(1, plot.getRangeAxisIndex(plot.getRangeAxis(1)));
    }

    @Test
    void creditChartIsTheMeanBalanceOfTheReplicationsWithTheirRangeAndZeroMarked() throws IOException {
        XYPlot plot = charts().get("credits-app.png").chart().getXYPlot();
        YIntervalSeriesCollection data = (YIntervalSeriesCollection) plot.getDataset();

        assertEquals(1, data.getSeriesCount());
        // window 0: 10 and 8 -> 9 (8..10); window 10: 12 and -14 -> -1 (-14..12)
        assertPoint(data, 0, 0, 0, 9, 8, 10);
        assertPoint(data, 0, 1, 10, -1, -14, 12);
        assertEquals(List.of(0.0), values(plot.getRangeMarkers(Layer.FOREGROUND)));
        assertTrue(plot.getRangeAxis().getLowerBound() <= -14, "the lowest replication is in view");
    }

    @Test
    void uptimeTimelineDrawsEachWindowOnItsReplicationsRowColouredByWhetherItMet() throws IOException {
        XYPlot plot = charts().get("uptime-windows.png").chart().getXYPlot();
        XYIntervalSeriesCollection data = (XYIntervalSeriesCollection) plot.getDataset();

        assertEquals(List.of("met the targets", "missed: normal", "missed: node down: app"),
                List.of(data.getSeriesKey(0), data.getSeriesKey(1), data.getSeriesKey(2)));
        assertEquals(4, data.getItemCount(0));
        // replication 0's normal window at 10 s: 10..20 s on row 0; its scenario window at 40 s
        assertBlock(data, 1, 0, 10, 20, 0);
        assertBlock(data, 2, 0, 40, 50, 0);
        // replication 1's scenario window met: grey, on row 1
        assertBlock(data, 0, 3, 40, 50, 1);
    }

    @Test
    void distributionPlotsTheRecordedPointsAndMarksTheTargetBothWays() throws IOException {
        XYPlot plot = charts().get("cdf-api.png").chart().getXYPlot();
        XYDataset data = plot.getDataset();

        assertEquals(4, data.getItemCount(0));
        for (int i = 0; i < 4; i++) {
            assertEquals(new double[] {10, 50, 100, 150}[i], data.getXValue(0, i));
            assertEquals(new double[] {0.5, 0.9, 0.99, 1}[i], data.getYValue(0, i));
        }
        assertEquals(List.of(200.0), values(plot.getDomainMarkers(Layer.FOREGROUND)));
        assertEquals(List.of(0.99), values(plot.getRangeMarkers(Layer.FOREGROUND)));
    }

    /* node down: 0.001 of the time x (1 - 0.5) of its windows x 43,200 min = 21.6 min; 99.9% allows 43.2. */
    @Test
    void downtimeIsShareOfTimeTimesMissedWindowsTimesTheMonth() throws IOException {
        CategoryPlot plot = charts().get("downtime.png").chart().getCategoryPlot();
        CategoryDataset data = plot.getDataset();

        assertEquals(0.0, data.getValue(0, data.getColumnIndex("normal")).doubleValue(), 1e-12);
        assertEquals(21.6, data.getValue(0, data.getColumnIndex("node down: app")).doubleValue(), 1e-9);
        assertEquals(21.6, data.getValue(0, data.getColumnIndex("total")).doubleValue(), 1e-9);
        assertEquals(43.2, values(plot.getRangeMarkers(Layer.FOREGROUND)).get(0), 1e-9);
    }

    @Test
    void billStacksTiersAndLinesAndShadesTheBudget() throws IOException {
        CategoryPlot plot = charts().get("bill.png").chart().getCategoryPlot();
        CategoryDataset data = plot.getDataset();

        assertEquals(250.0, data.getValue("tier app", "capsim").doubleValue());
        assertEquals(50.0, data.getValue("s3", "capsim").doubleValue());
        assertEquals(1, plot.getRangeMarkers(Layer.BACKGROUND).size());
    }

    @Test
    void everyImageIsFullSizeAndNotBlank() throws IOException {
        for (RenderedCharts.Image image : RenderedCharts.ofRuns().of(result())) {
            BufferedImage png = ImageIO.read(new ByteArrayInputStream(image.png()));

            assertEquals(Chart.WIDTH, png.getWidth(), image.chart().file());
            assertEquals(Chart.HEIGHT, png.getHeight(), image.chart().file());
            assertTrue(ImageCheck.lumaVariance(png) > 100, image.chart().file() + " looks blank");
        }
    }

    private static void assertPoint(YIntervalSeriesCollection data, int series, int item, double x, double y,
                                    double lo, double hi) {
        assertEquals(x, data.getXValue(series, item), 1e-12);
        assertEquals(y, data.getYValue(series, item), 1e-12);
        assertEquals(lo, data.getStartYValue(series, item), 1e-12);
        assertEquals(hi, data.getEndYValue(series, item), 1e-12);
    }

    private static void assertBlock(XYIntervalSeriesCollection data, int series, int item, double from, double to,
                                    double row) {
        assertEquals(from, data.getStartXValue(series, item), 1e-12);
        assertEquals(to, data.getEndXValue(series, item), 1e-12);
        assertEquals(row, data.getYValue(series, item), 1e-12);
        assertEquals(row - 0.35, data.getStartYValue(series, item), 1e-12);
        assertEquals(row + 0.35, data.getEndYValue(series, item), 1e-12);
    }

    @Test
    void everyChartIsAlsoAWellFormedSvgOfTheSameSizeShowingItsTitle() throws Exception {
        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        for (RenderedCharts.Image image : RenderedCharts.ofRuns().of(result())) {
            String svg = image.svg();
            Element root = xml.newDocumentBuilder().parse(new InputSource(new StringReader(svg))).getDocumentElement();

            assertEquals("svg", root.getTagName(), image.chart().svgFile());
            assertEquals(Chart.WIDTH, Double.parseDouble(root.getAttribute("width")), image.chart().svgFile());
            assertEquals(Chart.HEIGHT, Double.parseDouble(root.getAttribute("height")), image.chart().svgFile());
            assertTrue(svg.contains(">" + image.chart().chart().getTitle().getText() + "<"), image.chart().svgFile()
                    + " does not show its title");
            assertEquals(svg, Charts.svg(image.chart()), "the same chart gives the same SVG text");
        }
    }

    private static List<Double> values(java.util.Collection<?> markers) {
        return markers == null ? List.of() : markers.stream().filter(m -> m instanceof ValueMarker)
                .map(m -> ((ValueMarker) m).getValue()).toList();
    }

}
