package capsim.models.load;

import capsim.models.load.Values.Bound;
import capsim.models.metric.MetricCatalog;
import capsim.models.spec.RegionsSpec;
import capsim.models.spec.SloSpec;
import capsim.models.spec.TierSpec;
import capsim.models.spec.WorkloadSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Binds {@code slo:}: each target names a number of summary.json (CONTRACT.md section 3) by its
 * path, one the {@link MetricCatalog} declares for this file, and gives exactly one of {@code max}
 * or {@code min}.
 */
final class SloBinder {
    private static final List<String> KEYS = List.of("metric", "max", "min");
    private static final String WEBSOCKET = "websocket.";
    private static final String LOCAL_COST = "cost.monthly_local";

    private SloBinder() {
    }

    /** The targets of {@code root}, checked against the classes, tiers and sections bound. */
    static List<SloSpec> bind(Section root, WorkloadSpec workload, List<TierSpec> tiers, boolean hasCurrency,
                              RegionsSpec regions) {
        // every metric a model of these classes and tiers can have; websocket and currency are checked below
        List<String> metrics = MetricCatalog.of(workload.classes(), tiers, true, true, regions).paths();
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
}
