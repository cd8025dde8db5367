package capsim.experiments.compare;

import capsim.models.spec.SloSpec;
import java.util.List;

/**
 * Whether less of a metric is better. An SLO on the metric says so ({@code max}: less is
 * better, {@code min}: more is); otherwise by what the metric measures: ratios of uptime,
 * throughput and completed work are better higher, everything else (latencies, errors, cost,
 * utilisation, downtime) lower.
 */
final class Direction {
    private static final List<String> HIGHER_IS_BETTER = List.of("uptime.ratio", "throughput_per_s", "completed");

    private Direction() {
    }

    static boolean lowerIsBetter(String metric, List<SloSpec> slo) {
        for (SloSpec s : slo) {
            if (s.metric().equals(metric)) {
                return s.max().isPresent();
            }
        }
        return HIGHER_IS_BETTER.stream().noneMatch(metric::endsWith);
    }
}
