package capsim.experiments.summary;

import capsim.engine.stats.ConfidenceInterval;
import capsim.models.failure.FailureMode;
import capsim.models.failure.FailureModes;
import capsim.models.spec.ClassSpec;
import capsim.models.spec.ModelSpec;
import capsim.models.spec.SloSpec;
import capsim.models.system.ReplicationResult;
import capsim.models.system.ReplicationResult.ScenarioResult;
import capsim.models.system.ReplicationResult.WindowClass;
import capsim.models.system.ReplicationResult.WindowRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Uptime: the fraction of windows in which every target that can be judged per window held (SLOs
 * on a class's p99 or mean latency or error ratio, a tier's p99 or utilisation, the WebSocket
 * delivery p99) and, for every class without its own error-ratio SLO, at most
 * {@code uptime.max_error_ratio} of its requests failed. A window without data for a metric does
 * not break it; SLOs on {@code uptime.*} itself are left out. This is the window-based
 * availability of the SRE book ("Service Level Objectives", Beyer et al., 2016).
 *
 * <p>Failures are rare next to requests, so the month is not simulated: the compliance of each
 * state is weighted by the time spent in it (docs/uptime.md). The normal state's compliance c0 is
 * the mean over replications of the fraction of their windows that complied. Each failure mode m
 * (rate lambda_m from MTBF, outage and the nodes in service) strikes in some replications: each
 * strike s touched K_ms windows of length w, of which G_ms complied (a window standing for several
 * steady windows of a long outage counts with its weight, a window down for certain counts as
 * down). With the modes assumed not to overlap (rare-event approximation), mode m holds the
 * system a fraction lambda_m K_m w of the time, so, with K_m and G_m the means over its strikes,
 * <pre>  U = c0 (1 - sum_m lambda_m K_m w) + sum_m lambda_m G_m w.</pre>
 * The strata (the normal windows and each mode's strikes) are independent samples, so the
 * variance of U is the sum of theirs (stratified sampling, Cochran, <i>Sampling Techniques</i>,
 * 3rd ed., 1977, ch. 5): (1 - sum P)^2 s^2(c0) / R for R replications, plus for each mode
 * (lambda_m w)^2 Var(D_m) / n_m over its n_m strikes, where D_ms = G_ms - c0 K_ms (the up windows
 * it cost). Var(D_m) is the strikes' sample variance (n_m - 1 df), but at least that of a
 * sample in which one strike differs by one window, h^2 / n_m (h the heaviest window's weight):
 * strikes lose whole windows, and two that lose the same number show a spread of zero that is no
 * evidence of precision. A mode struck once has no spread: D lies in a range of K_m windows, so
 * Var(D_m) <= K_m^2 / 4 (Popoviciu's inequality), and that bound is used, as known.
 * The 95% interval is Student t with the
 * Welch-Satterthwaite degrees of freedom (Satterthwaite, Biometrics Bulletin 2(6), 1946). One
 * replication gives the point. Without failure modes the ratio is the fraction of compliant
 * windows, with the t interval of the replications' fractions.
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
     * that comply, how often per month it starts, and how many failures were simulated to measure
     * it (0 for the normal state).
     */
    public record State(String name, double fractionOfTime, double compliance, double perMonth, int strikes) {
    }

    /** Uptime of {@code results} against the targets of {@code spec}; ratio 1 when there are no windows. */
    public static Uptime of(ModelSpec spec, List<ReplicationResult> results) {
        return of(spec, results, criteria(spec));
    }

    /** The test of one window against the targets of {@code spec}: true when {@link #of} counts it up. */
    public static Predicate<WindowRow> windowTest(ModelSpec spec) {
        List<Criterion> criteria = criteria(spec);
        return row -> holds(criteria, row);
    }

    /**
     * Availability of {@code results}: as {@link #of}, but a window is up when every class's error
     * ratio is within the one it may have (its own SLO, else {@code uptime.max_error_ratio}),
     * whatever its latencies. Beside the uptime, it tells "available but slow" from "down".
     */
    public static Uptime availability(ModelSpec spec, List<ReplicationResult> results) {
        return of(spec, results, criteria(spec).stream().filter(Criterion::onErrors).toList());
    }

    private static Uptime of(ModelSpec spec, List<ReplicationResult> results, List<Criterion> criteria) {
        long windows = 0;
        long met = 0;
        List<Double> normal = new ArrayList<>();
        Map<String, Strikes> modes = new LinkedHashMap<>();
        for (ReplicationResult r : results) {
            long good = compliant(criteria, r.windows());
            windows += r.windows().size();
            met += good;
            if (!r.windows().isEmpty()) {
                normal.add((double) good / r.windows().size());
            }
            for (ScenarioResult s : r.scenarios()) {
                double up = 0;
                for (int w = 0; w < s.windows().size(); w++) {
                    up += holds(criteria, s.windows().get(w)) ? s.weights().get(w) : 0;
                }
                modes.computeIfAbsent(s.name(), k -> new Strikes()).add(s.ratePerS(), s.touchedWindows(), up,
                        s.weights().stream().mapToDouble(Double::doubleValue).max().orElse(1));
            }
        }
        double windowS = results.isEmpty() ? 0 : results.get(0).windowS();
        double monthS = spec.uptime().days() * 86_400;
        double c0 = normal.isEmpty() ? 1 : mean(normal);
        double failureTime = 0;
        double ratio = c0;
        List<State> states = new ArrayList<>();
        List<String> fileOrder = FailureModes.of(spec).stream().map(FailureMode::name).toList();
        List<Map.Entry<String, Strikes>> byFile = new ArrayList<>(modes.entrySet());
        byFile.sort(Comparator.comparingInt(e -> fileOrder.contains(e.getKey()) ? fileOrder.indexOf(e.getKey())
                : fileOrder.size()));
        for (var e : byFile) {
            Strikes m = e.getValue();
            double share = m.ratePerS() * windowS;
            failureTime += share * m.touched();
            ratio += share * (m.up() - c0 * m.touched());
            states.add(new State(e.getKey(), share * m.touched(), m.touched() == 0 ? 1 : m.up() / m.touched(),
                    m.ratePerS() * monthS, m.touchedEach.size()));
        }
        ratio = Math.min(1, Math.max(0, ratio));
        states.add(0, new State("normal", 1 - failureTime, windows == 0 ? 1 : (double) met / windows, 0, 0));
        ConfidenceInterval ci = interval(normal, c0, 1 - failureTime, modes.values(), windowS, ratio);
        return new Uptime(ratio, Math.max(0, ci.lo()), Math.min(1, ci.hi()), modes.isEmpty() ? WINDOWS : FAILURE_STATES,
                states, (1 - ratio) * monthS / 60, windows, met, windowS);
    }

    /**
     * The stratified 95% interval of {@code ratio}: the normal state's compliances {@code normal}
     * (mean {@code c0}, weight {@code normalShare}) and each mode's strikes (see the class comment).
     */
    private static ConfidenceInterval interval(List<Double> normal, double c0, double normalShare,
                                               Iterable<Strikes> modes, double windowS, double ratio) {
        if (normal.size() < 2) {
            return new ConfidenceInterval(ratio, ratio);
        }
        List<double[]> parts = new ArrayList<>(); // {variance, degrees of freedom}
        parts.add(new double[] {normalShare * normalShare * variance(normal) / normal.size(), normal.size() - 1});
        for (Strikes m : modes) {
            double share = m.ratePerS() * windowS;
            int n = m.touchedEach.size();
            if (n >= 2) {
                List<Double> lost = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    lost.add(m.upEach.get(i) - c0 * m.touchedEach.get(i));
                }
                // a spread below one window's step in one strike is no evidence of precision
                double step = m.heaviestWindow * m.heaviestWindow / n;
                parts.add(new double[] {share * share * Math.max(variance(lost), step) / n, n - 1});
            } else {
                double range = m.touchedEach.get(0);
                parts.add(new double[] {share * share * range * range / 4, Double.POSITIVE_INFINITY});
            }
        }
        double total = 0;
        double denominator = 0;
        for (double[] p : parts) {
            total += p[0];
            denominator += Double.isInfinite(p[1]) ? 0 : p[0] * p[0] / p[1];
        }
        double df = denominator == 0 ? Double.POSITIVE_INFINITY : total * total / denominator;
        return total == 0 ? new ConfidenceInterval(ratio, ratio)
                : ConfidenceInterval.ofEstimate(0.95, ratio, Math.sqrt(total), df);
    }

    /** The strikes of one failure mode: its rate, and the windows each touched and how many of them were up. */
    private static final class Strikes {
        private final List<Double> rates = new ArrayList<>();
        private final List<Double> touchedEach = new ArrayList<>();
        private final List<Double> upEach = new ArrayList<>();
        private double heaviestWindow;

        void add(double ratePerS, double touched, double up, double heaviest) {
            heaviestWindow = Math.max(heaviestWindow, heaviest);
            rates.add(ratePerS);
            touchedEach.add(touched);
            upEach.add(up);
        }

        double ratePerS() {
            return mean(rates);
        }

        double touched() {
            return mean(touchedEach);
        }

        double up() {
            return mean(upEach);
        }
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    /** The sample variance (n - 1 in the denominator). */
    private static double variance(List<Double> values) {
        double m = mean(values);
        return values.stream().mapToDouble(v -> (v - m) * (v - m)).sum() / (values.size() - 1);
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
        /** True for a bound on a class's error ratio. */
        boolean onErrors() {
            return target.metric().endsWith(".error_ratio");
        }

        boolean holds(WindowRow row) {
            OptionalDouble v = value.apply(row);
            return v.isEmpty() || SloEvaluator.holds(target, v.getAsDouble());
        }
    }
}
