package capsim.experiments.compare;

import capsim.experiments.summary.MetricPath;
import capsim.experiments.summary.ReplicationSamples;
import capsim.models.metric.MetricCatalog;
import capsim.models.spec.ModelSpec;
import capsim.models.spec.SloSpec;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Compares two summaries of models run with common random numbers. For each metric: A, B, the
 * difference B - A of the merged values, and its 95% interval B - A +- t(n-1) s_d / sqrt(n), with
 * s_d the standard deviation of the n paired per-replication differences (the paired-t interval,
 * Law, "Simulation Modeling and Analysis", 5th ed., section 10.2.1; t from Commons Math). Uptime
 * is not paired: a failure mode strikes in only some replications, so its interval combines the
 * two merged estimates' own intervals, half-width sqrt(h_A^2 + h_B^2) (conservative). A difference
 * whose interval excludes 0 is {@code better} or {@code worse} by the metric's direction;
 * otherwise {@code no significant difference}. The direction is the metric catalog's.
 */
public final class Comparison {
    public static final String BETTER = "better";
    public static final String WORSE = "worse";
    public static final String SAME = "no significant difference";

    private Comparison() {
    }

    /** One metric compared. */
    public record Row(String metric, double a, double b, double diff, double ciLo, double ciHi, String verdict) {
    }

    /**
     * The metrics compared, in order: every SLO metric of A then of B, each class's p99 and mean
     * latency, {@code uptime.ratio} and {@code cost.monthly_usd}; each once, and only where both
     * summaries have it.
     */
    public static List<String> metrics(ModelSpec a, ModelSpec b, JsonNode summaryA, JsonNode summaryB) {
        List<String> metrics = new ArrayList<>();
        a.slo().forEach(s -> add(metrics, s.metric()));
        b.slo().forEach(s -> add(metrics, s.metric()));
        a.workload().classes().forEach(c -> {
            add(metrics, "classes." + c.name() + ".latency_ms.p99");
            add(metrics, "classes." + c.name() + ".latency_ms.mean");
        });
        add(metrics, "uptime.ratio");
        add(metrics, "cost.monthly_usd");
        return metrics.stream().filter(m -> MetricPath.number(summaryA, m).isPresent()
                && MetricPath.number(summaryB, m).isPresent()).toList();
    }

    private static void add(List<String> metrics, String metric) {
        if (!metrics.contains(metric)) {
            metrics.add(metric);
        }
    }

    /** Every metric of {@code metrics} compared; the samples are the per-replication summaries, paired by index. */
    public static List<Row> compare(List<String> metrics, List<SloSpec> slo, JsonNode summaryA, JsonNode summaryB,
                                    ReplicationSamples samplesA, ReplicationSamples samplesB) {
        List<Row> rows = new ArrayList<>();
        for (String metric : metrics) {
            double a = MetricPath.number(summaryA, metric).orElseThrow();
            double b = MetricPath.number(summaryB, metric).orElseThrow();
            double diff = b - a;
            double half = ReplicationSamples.mergedOnly(metric) ? unpairedHalfWidth(summaryA, summaryB)
                    : pairedHalfWidth(samplesA.values(metric), samplesB.values(metric));
            double lo = diff - half;
            double hi = diff + half;
            String verdict = lo > 0 || hi < 0 ? (diff < 0 == lowerIsBetter(metric, slo) ? BETTER : WORSE)
                    : SAME;
            rows.add(new Row(metric, a, b, diff, lo, hi, verdict));
        }
        return List.copyOf(rows);
    }

    /**
     * Whether less of {@code metric} is better: as the metric catalog declares it; for a metric it
     * gives no direction, as its SLO says ({@code max}: less is better, {@code min}: more is), and
     * without one, less.
     */
    public static boolean lowerIsBetter(String metric, List<SloSpec> slo) {
        boolean sloSays = slo.stream().filter(s -> s.metric().equals(metric)).findFirst()
                .map(s -> s.max().isPresent()).orElse(true);
        return MetricCatalog.lowerIsBetter(metric, sloSays);
    }

    /** t(n-1) s_d / sqrt(n) of the paired differences b_i - a_i (replications where either is missing left out). */
    static double pairedHalfWidth(double[] a, double[] b) {
        List<Double> d = new ArrayList<>();
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (Double.isFinite(a[i]) && Double.isFinite(b[i])) {
                d.add(b[i] - a[i]);
            }
        }
        int n = d.size();
        if (n < 2) {
            return Double.POSITIVE_INFINITY; // no spread to judge by: never significant
        }
        double mean = d.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double squares = d.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum();
        double t = new TDistribution(null, n - 1).inverseCumulativeProbability(0.975);
        return t * Math.sqrt(squares / (n - 1)) / Math.sqrt(n);
    }

    private static double unpairedHalfWidth(JsonNode a, JsonNode b) {
        return Math.hypot(halfWidth(a).orElse(Double.POSITIVE_INFINITY), halfWidth(b).orElse(Double.POSITIVE_INFINITY));
    }

    private static OptionalDouble halfWidth(JsonNode summary) {
        JsonNode ci = summary.path("uptime").path("ci95");
        return ci.size() == 2 ? OptionalDouble.of((ci.get(1).asDouble() - ci.get(0).asDouble()) / 2)
                : OptionalDouble.empty();
    }
}
