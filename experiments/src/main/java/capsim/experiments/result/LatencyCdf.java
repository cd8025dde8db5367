package capsim.experiments.result;

import capsim.engine.stats.LatencyRecorder;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

/**
 * The distribution of one latency metric, merged over the replications, as points of its
 * cumulative distribution: {@code fractions[i]} of the values are at most {@code ms[i]}.
 *
 * @param metric the summary path of the latency block, e.g. {@code classes.api.latency_ms}
 */
public record LatencyCdf(String metric, double[] fractions, double[] ms) {
    /** Points per halving of the distance to 100%: 5 give ~100 points down to the 99.999th percentile. */
    private static final int TICKS_PER_HALF_DISTANCE = 5;

    public LatencyCdf {
        if (fractions.length != ms.length) {
            throw new IllegalArgumentException(fractions.length + " fractions but " + ms.length + " values");
        }
    }

    /** The distribution of every value of {@code recorders}, merged. */
    public static LatencyCdf of(String metric, List<LatencyRecorder> recorders) {
        LatencyRecorder merged = new LatencyRecorder();
        recorders.forEach(merged::add);
        Histogram h = merged.histogram();
        List<double[]> points = new ArrayList<>();
        if (h.getTotalCount() > 0) {
            for (HistogramIterationValue v : h.percentiles(TICKS_PER_HALF_DISTANCE)) {
                points.add(new double[] {v.getPercentileLevelIteratedTo() / 100,
                        h.highestEquivalentValue(v.getValueIteratedTo()) / 1000.0});
            }
        }
        return new LatencyCdf(metric, points.stream().mapToDouble(p -> p[0]).toArray(),
                points.stream().mapToDouble(p -> p[1]).toArray());
    }
}
