package capsim.experiments.chart;

import capsim.experiments.result.RunResult;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The charts of the last result asked for, drawn once: the {@code charts} and {@code html}
 * renderings of one command share an instance, so each image is drawn a single time.
 *
 * @param <R> what the charts are drawn from: a run, a sweep
 */
public final class RenderedCharts<R> {
    private final Function<R, List<Chart>> charts;
    private R drawnFor;
    private List<Image> images = List.of();

    /** Charts drawn by {@code charts}. */
    public RenderedCharts(Function<R, List<Chart>> charts) {
        this.charts = charts;
    }

    /** The charts of a run ({@link Charts#of}). */
    public static RenderedCharts<RunResult> ofRuns() {
        return new RenderedCharts<>(Charts::of);
    }

    /** A chart, its PNG bytes and its SVG text. */
    public record Image(Chart chart, byte[] png, String svg) {
    }

    /** The images of {@code r}'s charts, in order (drawn again only for a result not equal to the last). */
    public synchronized List<Image> of(R r) {
        if (!Objects.equals(r, drawnFor)) {
            images = charts.apply(r).stream().map(c -> new Image(c, Charts.png(c), Charts.svg(c))).toList();
            drawnFor = r;
        }
        return images;
    }
}
