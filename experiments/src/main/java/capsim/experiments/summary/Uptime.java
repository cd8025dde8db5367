package capsim.experiments.summary;

import capsim.models.spec.ClassSpec;
import capsim.models.spec.ModelSpec;
import capsim.models.spec.SloSpec;
import capsim.models.system.ReplicationResult;
import capsim.models.system.ReplicationResult.WindowClass;
import capsim.models.system.ReplicationResult.WindowRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * Uptime as the fraction of time-series windows, over all replications, in which every target
 * that can be judged per window held: SLOs on a class's p99 or mean latency or error ratio, a
 * tier's p99 or utilisation, the WebSocket delivery p99; and, for every class without its own
 * error-ratio SLO, at most 1% of its requests failing in the window. A window without data for
 * a metric does not break it. SLOs on {@code uptime.*} itself are left out. This is the
 * window-based availability of the SRE book ("Service Level Objectives", Beyer et al., 2016),
 * without failures: the time spent in degraded states is not weighted in yet.
 */
public record Uptime(double ratio, long windows, long windowsMet, double windowS) {
    /** Largest error ratio of a class in a window that still counts as up, when no SLO says otherwise. */
    public static final double DEFAULT_MAX_ERROR_RATIO = 0.01;

    /** Uptime of {@code results} against the targets of {@code spec}; ratio 1 when there are no windows. */
    public static Uptime of(ModelSpec spec, List<ReplicationResult> results) {
        List<Criterion> criteria = criteria(spec);
        long windows = 0;
        long met = 0;
        for (ReplicationResult result : results) {
            for (WindowRow row : result.windows()) {
                windows++;
                if (criteria.stream().allMatch(c -> c.holds(row))) {
                    met++;
                }
            }
        }
        double windowS = results.isEmpty() ? 0 : results.get(0).windowS();
        return new Uptime(windows == 0 ? 1 : (double) met / windows, windows, met, windowS);
    }

    private static List<Criterion> criteria(ModelSpec spec) {
        List<Criterion> criteria = new ArrayList<>();
        for (SloSpec slo : spec.slo()) {
            if (!slo.metric().startsWith("uptime.")) {
                windowValue(slo.metric()).ifPresent(value -> criteria.add(new Criterion(value, slo)));
            }
        }
        for (ClassSpec c : spec.workload().classes()) {
            String metric = "classes." + c.name() + ".error_ratio";
            if (spec.slo().stream().noneMatch(slo -> slo.metric().equals(metric))) {
                criteria.add(new Criterion(windowValue(metric).orElseThrow(),
                        new SloSpec(metric, OptionalDouble.of(DEFAULT_MAX_ERROR_RATIO), OptionalDouble.empty())));
            }
        }
        return criteria;
    }

    /** How to read {@code metric} from one window, when it can be. */
    private static Optional<Function<WindowRow, OptionalDouble>> windowValue(String metric) {
        String[] p = metric.split("\\.");
        if (p.length == 4 && p[0].equals("classes") && p[2].equals("latency_ms") && p[3].equals("p99")) {
            return Optional.of(row -> classValue(row, p[1], w -> w.count() == 0 ? OptionalDouble.empty()
                    : OptionalDouble.of(w.p99Ms())));
        }
        if (p.length == 4 && p[0].equals("classes") && p[2].equals("latency_ms") && p[3].equals("mean")) {
            return Optional.of(row -> classValue(row, p[1], w -> w.count() == 0 ? OptionalDouble.empty()
                    : OptionalDouble.of(w.meanMs())));
        }
        if (p.length == 3 && p[0].equals("classes") && p[2].equals("error_ratio")) {
            return Optional.of(row -> classValue(row, p[1], w -> w.count() + w.errors() == 0 ? OptionalDouble.empty()
                    : OptionalDouble.of((double) w.errors() / (w.count() + w.errors()))));
        }
        if (p.length == 4 && p[0].equals("tiers") && p[2].equals("latency_ms") && p[3].equals("p99")) {
            return Optional.of(row -> mapValue(row.tierP99Ms(), p[1]));
        }
        if (p.length == 3 && p[0].equals("tiers") && p[2].equals("utilization")) {
            return Optional.of(row -> mapValue(row.tierUtilization(), p[1]));
        }
        if (metric.equals("websocket.delivery_ms.p99")) {
            return Optional.of(row -> OptionalDouble.of(row.websocketP99Ms()));
        }
        return Optional.empty();
    }

    private static OptionalDouble classValue(WindowRow row, String className,
                                             Function<WindowClass, OptionalDouble> value) {
        WindowClass w = row.classes().get(className);
        return w == null ? OptionalDouble.empty() : value.apply(w);
    }

    private static OptionalDouble mapValue(Map<String, Double> values, String key) {
        Double v = values.get(key);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    /** One per-window target: how to read the value from a window, and the bound it must meet. */
    private record Criterion(Function<WindowRow, OptionalDouble> value, SloSpec target) {
        boolean holds(WindowRow row) {
            OptionalDouble v = value.apply(row);
            return v.isEmpty() || SloEvaluator.holds(target, v.getAsDouble());
        }
    }
}
