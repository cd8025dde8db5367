package capsim.experiments.report;

import capsim.experiments.chart.RenderedCharts;
import capsim.experiments.result.RunResult;
import capsim.experiments.result.ModelCopy;
import capsim.models.spec.ModelSpec;
import java.io.IOException;
import java.util.List;

/**
 * The renderings of a run: {@code table} (the terminal summary), {@code json} (summary.json),
 * {@code csv} (timeseries.csv, scenarios.csv, uptime_windows.csv, latency_cdf.csv), {@code model} (model.yaml, the
 * model that was run), {@code charts} (PNG and SVG files) and {@code html} (report.html). Files go to
 * the destination's folder.
 */
public final class RunFormats {
    private RunFormats() {
    }

    /** Every rendering of a run of {@code spec}; all are written by default. */
    public static Formats<RunResult> of(ModelSpec spec) {
        return Formats.<RunResult>none()
                .with("table", true, (r, to) -> {
                    to.terminal().println();
                    to.terminal().print(TerminalReport.render(spec, r.summary()));
                })
                .and(files());
    }

    /** The renderings into files, which need only what the results folder holds. */
    public static Formats<RunResult> files() {
        return data().and(pictures());
    }

    /** {@code charts} (PNG and SVG) and {@code html}, sharing the drawn charts. */
    public static Formats<RunResult> pictures() {
        RenderedCharts<RunResult> drawn = RenderedCharts.ofRuns();
        return Formats.<RunResult>none()
                .with("charts", true, (r, to) -> images(drawn.of(r), to))
                .with("html", true, (r, to) -> to.text(HtmlReport.FILE, out -> HtmlReport.write(out, r, drawn.of(r))));
    }

    /** Writes each image as its PNG file and, beside it, its SVG file. */
    static void images(List<RenderedCharts.Image> images, Destination to) throws IOException {
        for (RenderedCharts.Image image : images) {
            to.bytes(image.chart().file(), image.png());
            to.text(image.chart().svgFile(), out -> out.write(image.svg()));
        }
    }

    private static Formats<RunResult> data() {
        return Formats.<RunResult>none()
                .with("json", true, (r, to) -> to.text(SummaryJson.FILE, out -> out.write(SummaryJson.text(r.summary()))))
                .with("csv", true, (r, to) -> {
                    to.text(TimeSeriesCsv.FILE, out -> TimeSeriesCsv.write(out, r.series(), false));
                    to.text(TimeSeriesCsv.SCENARIOS_FILE, out -> TimeSeriesCsv.write(out, r.scenarios(), true));
                    to.text(TimeSeriesCsv.UPTIME_FILE, out -> TimeSeriesCsv.write(out, r.uptime(), true));
                    to.text(LatencyCdfCsv.FILE, out -> LatencyCdfCsv.write(out, r.latencies()));
                })
                .with("model", true, (r, to) -> {
                    if (r.model().isPresent()) {
                        to.text(ModelCopy.FILE, out -> out.write(r.model().text()));
                    }
                });
    }
}
