package capsim.experiments.report;

import java.io.IOException;

/**
 * One rendering of a result: the terminal table, summary.json, a CSV, the charts, the HTML
 * report. A command picks the renderings it writes from a {@link Formats} set.
 *
 * @param <R> what is rendered: a run, a gate's verdicts, a sweep
 */
@FunctionalInterface
public interface ResultWriter<R> {
    /** Renders {@code result} on the terminal or into files of the destination's folder. */
    void write(R result, Destination to) throws IOException;
}
