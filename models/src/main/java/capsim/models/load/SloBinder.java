package capsim.models.load;

import capsim.models.load.Values.Bound;
import capsim.models.spec.ClassSpec;
import capsim.models.spec.SloSpec;
import capsim.models.spec.TierSpec;
import capsim.models.spec.WorkloadSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Binds {@code slo:}: each target names a number of summary.json (CONTRACT.md section 3) by its
 * path, for a class or tier of this file, and gives exactly one of {@code max} or {@code min}.
 */
final class SloBinder {
    private static final List<String> KEYS = List.of("metric", "max", "min");
    private static final List<String> LATENCY = List.of("count", "mean", "p50", "p90", "p95", "p99", "p999", "max");
    private static final String WEBSOCKET = "websocket.";
    private static final String LOCAL_COST = "cost.monthly_local";

    private SloBinder() {
    }

    /** The targets of {@code root}, checked against the classes, tiers and sections bound. */
    static List<SloSpec> bind(Section root, WorkloadSpec workload, List<TierSpec> tiers, boolean hasCurrency) {
        List<String> metrics = metrics(workload.classes(), tiers);
        List<Node> items = root.list("slo", false).orElse(List.of());
        List<SloSpec> slo = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Section.of(items.get(i), Problems.item("slo", i), KEYS, root.problems()).ifPresent(s -> {
                String metric = s.requiredString("metric").orElse("");
                if (s.has("metric")) {
                    checkMetric(s, metric, metrics, workload.websocket().isPresent(), hasCurrency);
                }
                if (s.has("max") == s.has("min")) {
                    root.problems().at(s.node(), s.path(), "give exactly one of max (an upper bound) or min "
                            + "(a lower bound)");
                }
                OptionalDouble max = s.number("max", Bound.ANY);
                OptionalDouble min = s.number("min", Bound.ANY);
                slo.add(new SloSpec(metric, max, min));
            });
        }
        return slo;
    }

    private static void checkMetric(Section s, String metric, List<String> metrics, boolean hasWebsocket,
                                    boolean hasCurrency) {
        if (!metrics.contains(metric)) {
            s.reportKey("metric", "'" + metric + "' is not a number of summary.json for this model (such as "
                    + "classes.NAME.latency_ms.p99, tiers.NAME.utilization, uptime.ratio)"
                    + Suggest.didYouMean(metric, metrics));
        } else if (metric.startsWith(WEBSOCKET) && !hasWebsocket) {
            s.reportKey("metric", "'" + metric + "' needs a workload.websocket section");
        } else if (metric.equals(LOCAL_COST) && !hasCurrency) {
            s.reportKey("metric", "'" + metric + "' needs a currency section");
        }
    }

    /** Every summary.json number an SLO may name, for these classes and tiers. */
    static List<String> metrics(List<ClassSpec> classes, List<TierSpec> tiers) {
        List<String> metrics = new ArrayList<>();
        for (ClassSpec c : classes) {
            String prefix = "classes." + c.name() + ".";
            LATENCY.forEach(stat -> metrics.add(prefix + "latency_ms." + stat));
            metrics.add(prefix + "throughput_per_s");
            metrics.add(prefix + "error_ratio");
        }
        for (TierSpec t : tiers) {
            String prefix = "tiers." + t.name() + ".";
            LATENCY.forEach(stat -> metrics.add(prefix + "latency_ms." + stat));
            metrics.add(prefix + "utilization");
            List.of("min", "mean", "max").forEach(stat -> metrics.add(prefix + "nodes." + stat));
        }
        LATENCY.forEach(stat -> metrics.add(WEBSOCKET + "delivery_ms." + stat));
        metrics.addAll(List.of("uptime.ratio", "cost.monthly_usd", LOCAL_COST));
        return metrics;
    }
}
