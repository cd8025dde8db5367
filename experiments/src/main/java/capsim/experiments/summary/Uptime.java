package capsim.experiments.summary;

import capsim.engine.stats.ConfidenceInterval;
import capsim.models.spec.ClassSpec;
import capsim.models.spec.ModelSpec;
import capsim.models.spec.SloSpec;
import capsim.models.system.ReplicationResult;
import capsim.models.system.ReplicationResult.ScenarioResult;
import capsim.models.system.ReplicationResult.WindowClass;
import capsim.models.system.ReplicationResult.WindowRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * Uptime: the fraction of windows in which every target that can be judged per window held (SLOs
 * on a class's p99 or mean latency or error ratio, a tier's p99 or utilisation, the WebSocket
 * delivery p99) and, for every class without its own error-ratio SLO, at most
 * {@code uptime.max_error_ratio} of its requests failed. A window without data for a metric does
 * not break it; SLOs on {@code uptime.*} itself are left out. This is the window-based
 * availability of the SRE book ("Service Level Objectives", Beyer et al., 2016).
 *
 * <p>Failures are rare next to requests, so the month is not simulated: each replication
 * weights the compliance of its states by the time spent in them (docs/uptime.md). The normal
 * state's compliance c0 comes from the replication's own windows; each failure mode m (rate
 * lambda_m from MTBF and outage) comes from a scenario in which one such failure struck, and
 * touched K_m windows of length w of which G_m complied (a window standing for several steady
 * windows of a long outage counts with its weight). With the modes assumed not to overlap
 * (rare-event approximation), mode m holds the system a fraction lambda_m K_m w of the time, so
 * <pre>  U = c0 (1 - sum_m lambda_m K_m w) + sum_m lambda_m G_m w.</pre>
 * The ratio is the mean of U over replications, with a Student-t 95% interval from their
 * spread. Without failure modes it is the fraction of compliant windows.
 */
public record Uptime(double ratio, double ci95Lo, double ci95Hi, String method, List<State> states,
                     double downtimeMinPerMonth, long windows, long windowsMet, double windowS) {
    /** {@link #method()} of a model without failure modes. */
    public static final String WINDOWS = "window-compliance";
    /** {@link #method()} of a model with failure modes. */
    public static final String FAILURE_STATES = "failure-state-weighting";

    public Uptime {
        states = List.copyOf(states);
    }

    /**
     * A state of the system: how much of the time it spends there, the fraction of its windows
     * that comply, and how often per month it starts (0 for the normal state).
     */
    public record State(String name, double fractionOfTime, double compliance, double perMonth) {
    }

    /** Uptime of {@code results} against the targets of {@code spec}; ratio 1 when there are no windows. */
    public static Uptime of(ModelSpec spec, List<ReplicationResult> results) {
        List<Criterion> criteria = criteria(spec);
        double[] estimates = new double[results.size()];
        long windows = 0;
        long met = 0;
        double failureTime = 0;
        Map<String, double[]> modes = new LinkedHashMap<>(); // name -> {time fraction, windows, compliant, rate}
        for (int i = 0; i < results.size(); i++) {
            ReplicationResult r = results.get(i);
            long good = compliant(criteria, r.windows());
            windows += r.windows().size();
            met += good;
            double normal = r.windows().isEmpty() ? 1 : (double) good / r.windows().size();
            double degradedTime = 0;
            double degradedUp = 0;
            for (ScenarioResult s : r.scenarios()) {
                double touched = 0;
                double up = 0;
                for (int w = 0; w < s.windows().size(); w++) {
                    touched += s.weights().get(w);
                    up += holds(criteria, s.windows().get(w)) ? s.weights().get(w) : 0;
                }
                double time = s.ratePerS() * touched * r.windowS();
                degradedTime += time;
                degradedUp += s.ratePerS() * up * r.windowS();
                double[] m = modes.computeIfAbsent(s.name(), k -> new double[4]);
                m[0] += time / results.size();
                m[1] += touched;
                m[2] += up;
                m[3] = s.ratePerS();
            }
            failureTime += degradedTime / results.size();
            estimates[i] = Math.min(1, Math.max(0, normal * (1 - degradedTime) + degradedUp));
        }
        double monthS = spec.uptime().days() * 86_400;
        List<State> states = new ArrayList<>();
        states.add(new State("normal", 1 - failureTime, windows == 0 ? 1 : (double) met / windows, 0));
        modes.forEach((name, m) -> states.add(new State(name, m[0], m[1] == 0 ? 1 : m[2] / m[1], m[3] * monthS)));
        double ratio = 1;
        double lo = 1;
        double hi = 1;
        if (estimates.length > 0) {
            ratio = Arrays.stream(estimates).average().orElseThrow();
            ConfidenceInterval ci = ConfidenceInterval.ofMean95(estimates);
            lo = Math.max(0, ci.lo());
            hi = Math.min(1, ci.hi());
        }
        double windowS = results.isEmpty() ? 0 : results.get(0).windowS();
        return new Uptime(ratio, lo, hi, modes.isEmpty() ? WINDOWS : FAILURE_STATES, states, (1 - ratio) * monthS / 60,
                windows, met, windowS);
    }

    /** The share of the time spent in failure states (1 - the normal state's share). */
    public double failureFraction() {
        return 1 - states.get(0).fractionOfTime();
    }

    private static long compliant(List<Criterion> criteria, List<WindowRow> rows) {
        return rows.stream().filter(row -> holds(criteria, row)).count();
    }

    private static boolean holds(List<Criterion> criteria, WindowRow row) {
        return criteria.stream().allMatch(c -> c.holds(row));
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
                        new SloSpec(metric, OptionalDouble.of(spec.uptime().maxErrorRatio()), OptionalDouble.empty())));
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
