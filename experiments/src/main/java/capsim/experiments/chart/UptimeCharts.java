package capsim.experiments.chart;

import capsim.experiments.result.RunResult;
import capsim.experiments.result.TimeSeries;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * The uptime windows on a timeline: one row per replication, its main run (the normal state) and
 * then the windows of its failure scenarios, each window a block over its span of simulated time;
 * grey when it met every per-window target, coloured by its state (the normal state or the
 * failure scenario) when it missed one.
 */
final class UptimeCharts {
    /** Series name of the windows that met the targets. */
    static final String MET = "met the targets";
    /** Prefix of the series names of the windows that missed, by state. */
    static final String MISSED = "missed: ";
    private static final double HALF_ROW = 0.35;

    private UptimeCharts() {
    }

    /** The timeline of {@code r}'s uptime windows; empty without any. */
    static Optional<Chart> timeline(RunResult r) {
        TimeSeries u = r.uptime();
        if (u.windows().isEmpty() || !u.has("met")) {
            return Optional.empty();
        }
        List<Integer> replications = new ArrayList<>(u.byReplication().keySet());
        XYIntervalSeries met = new XYIntervalSeries(MET);
        Map<String, XYIntervalSeries> missed = new LinkedHashMap<>();
        int down = 0;
        for (TimeSeries.Window w : u.windows()) {
            double row = replications.indexOf(w.replication());
            double end = w.startS() + u.value(w, "window_s");
            XYIntervalSeries into = met;
            if (u.value(w, "met") == 0) {
                into = missed.computeIfAbsent(w.scenario(), s -> new XYIntervalSeries(MISSED + s));
                down++;
            }
            into.add(w.startS(), w.startS(), end, row, row - HALF_ROW, row + HALF_ROW);
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(met);
        missed.values().forEach(data::addSeries);
        XYBarRenderer renderer = new XYBarRenderer();
        renderer.setUseYInterval(true);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setSeriesPaint(0, new Color(0xD9D9D9));
        List<String> states = new ArrayList<>(missed.keySet());
        for (int i = 0; i < states.size(); i++) {
            renderer.setSeriesPaint(i + 1, states.get(i).equals(RunResult.NORMAL) ? Style.TARGET
                    : Style.PALETTE[i % Style.PALETTE.length]);
        }
        NumberAxis time = new NumberAxis(TimeCharts.TIME);
        time.setAutoRangeIncludesZero(false);
        SymbolAxis rows = new SymbolAxis("replication", replications.stream().map(n -> "replication " + n)
                .toArray(String[]::new));
        rows.setRange(-0.6, replications.size() - 0.4);
        rows.setGridBandsVisible(false);
        XYPlot plot = new XYPlot(data, time, rows, renderer);
        return Optional.of(new Chart("uptime-windows.png", "Uptime windows on a timeline: each replication's main run"
                + " (the normal state), then its failure scenarios; " + down + " of " + u.windows().size()
                + " windows missed a target, coloured by state", TimeCharts.chart("uptime windows: missed targets",
                plot)));
    }
}
