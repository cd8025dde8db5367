package capsim.experiments.chart;

import capsim.experiments.result.RunResult;
import java.util.List;

/**
 * The charts of the last result asked for, drawn once: the {@code charts} and {@code html}
 * renderings of one command share an instance, so each image is drawn a single time.
 */
public final class RenderedCharts {
    private RunResult drawnFor;
    private List<Image> images = List.of();

    /** A chart and its PNG bytes. */
    public record Image(Chart chart, byte[] png) {
    }

    /** The images of {@code r}'s charts, in order. */
    public synchronized List<Image> of(RunResult r) {
        if (r != drawnFor) {
            images = Charts.of(r).stream().map(c -> new Image(c, Charts.png(c))).toList();
            drawnFor = r;
        }
        return images;
    }
}
