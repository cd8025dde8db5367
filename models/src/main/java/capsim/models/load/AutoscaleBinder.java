package capsim.models.load;

import capsim.models.load.Values.Bound;
import capsim.models.spec.AutoscaleSpec;
import capsim.models.spec.AutoscaleSpec.Hpa;
import capsim.models.spec.AutoscaleSpec.Metric;
import capsim.models.spec.AutoscaleSpec.Policy;
import capsim.models.spec.AutoscaleSpec.Scheduled;
import capsim.models.spec.AutoscaleSpec.Settings;
import capsim.models.spec.AutoscaleSpec.StepScaling;
import capsim.models.spec.AutoscaleSpec.TargetTracking;
import capsim.models.spec.AutoscaleSpec.Window;
import capsim.models.spec.WorkloadSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * Binds a tier's {@code autoscale:} section: {@code policy} (required), then the keys that
 * policy takes (any other key is reported as not applying to it). {@code min} and {@code max}
 * are required except for a schedule, and must hold the tier's {@code count}; a cpu
 * {@code target} is a percentage. Step adjustments and schedule windows are checked by
 * {@link StepsBinder}.
 */
final class AutoscaleBinder {
    private static final List<String> COMMON = List.of("policy", "metric", "target", "min", "max");
    private static final Map<Policy, List<String>> OWN = Map.of(
            Policy.TARGET_TRACKING, List.of("period_s", "scale_out_datapoints", "scale_in_datapoints", "warmup_s",
                    "scale_in_ratio"),
            Policy.STEP, List.of("period_s", "datapoints", "cooldown_s", "steps"),
            Policy.HPA, List.of("sync_s", "tolerance", "up_stabilization_s", "down_stabilization_s", "up_pods",
                    "up_percent", "down_percent", "policy_period_s"),
            Policy.SCHEDULED, List.of("schedule"));
    static final List<String> KEYS = Stream.concat(COMMON.stream(),
            Stream.of(Policy.values()).flatMap(p -> OWN.get(p).stream())).distinct().toList();
    private static final Bound PERCENT = new Bound(x -> x > 0 && x <= 100, "must be > 0 and <= 100 (percent)");
    private static final Bound RATIO = new Bound(x -> x > 0 && x <= 1, "must be > 0 and <= 1");
    private static final Bound TOLERANCE = new Bound(x -> x >= 0 && x < 1, "must be >= 0 and < 1");

    private AutoscaleBinder() {
    }

    static Optional<AutoscaleSpec> bind(Section tier, int count, Problems problems) {
        Optional<Section> section = tier.section("autoscale", KEYS);
        if (section.isEmpty()) {
            return Optional.empty();
        }
        Section a = section.get();
        Optional<Policy> policy = a.choice("policy", Policy.class, true);
        if (policy.isEmpty()) {
            return Optional.empty();
        }
        a.onlyFor(applicable(policy.get()), "policy " + Section.fileName(policy.get()));
        return Optional.of(switch (policy.get()) {
            case TARGET_TRACKING -> required(a, count, targetTracking(a));
            case STEP -> required(a, count, step(a));
            case HPA -> required(a, count, hpa(a));
            case SCHEDULED -> scheduled(a, count);
        });
    }

    /** The keys {@code policy} takes. */
    private static List<String> applicable(Policy policy) {
        List<String> common = switch (policy) {
            case TARGET_TRACKING, HPA -> COMMON;
            case STEP -> List.of("policy", "metric", "min", "max");
            case SCHEDULED -> List.of("policy", "min", "max");
        };
        return Stream.concat(common.stream(), OWN.get(policy).stream()).toList();
    }

    private static TargetTracking targetTracking(Section a) {
        Metric metric = metric(a);
        return new TargetTracking(metric, target(a, metric),
                a.number("period_s", Bound.POSITIVE).orElse(TargetTracking.DEFAULT_PERIOD_S),
                a.smallInteger("scale_out_datapoints", 1).orElse(TargetTracking.DEFAULT_SCALE_OUT_DATAPOINTS),
                a.smallInteger("scale_in_datapoints", 1).orElse(TargetTracking.DEFAULT_SCALE_IN_DATAPOINTS),
                a.number("warmup_s", Bound.NON_NEGATIVE).orElse(TargetTracking.DEFAULT_WARMUP_S),
                a.number("scale_in_ratio", RATIO).orElse(TargetTracking.DEFAULT_SCALE_IN_RATIO));
    }

    private static StepScaling step(Section a) {
        return new StepScaling(metric(a),
                a.number("period_s", Bound.POSITIVE).orElse(StepScaling.DEFAULT_PERIOD_S),
                a.smallInteger("datapoints", 1).orElse(StepScaling.DEFAULT_DATAPOINTS),
                a.number("cooldown_s", Bound.NON_NEGATIVE).orElse(StepScaling.DEFAULT_COOLDOWN_S),
                StepsBinder.steps(a));
    }

    private static Hpa hpa(Section a) {
        Metric metric = metric(a);
        return new Hpa(metric, target(a, metric),
                a.number("sync_s", Bound.POSITIVE).orElse(Hpa.DEFAULT_SYNC_S),
                a.number("tolerance", TOLERANCE).orElse(Hpa.DEFAULT_TOLERANCE),
                a.number("up_stabilization_s", Bound.NON_NEGATIVE).orElse(Hpa.DEFAULT_UP_STABILIZATION_S),
                a.number("down_stabilization_s", Bound.NON_NEGATIVE).orElse(Hpa.DEFAULT_DOWN_STABILIZATION_S),
                a.smallInteger("up_pods", 0).orElse(Hpa.DEFAULT_UP_PODS),
                a.number("up_percent", Bound.NON_NEGATIVE).orElse(Hpa.DEFAULT_UP_PERCENT),
                a.number("down_percent", Bound.between(0, 100)).orElse(Hpa.DEFAULT_DOWN_PERCENT),
                a.number("policy_period_s", Bound.POSITIVE).orElse(Hpa.DEFAULT_POLICY_PERIOD_S));
    }

    /** A metric policy: {@code min} and {@code max} are required. */
    private static AutoscaleSpec required(Section a, int count, Settings settings) {
        return range(a, count, settings, a.requiredSmallInteger("min", 1), a.requiredSmallInteger("max", 1));
    }

    /** A schedule; without min and max, the range of its counts and the tier's count. */
    private static AutoscaleSpec scheduled(Section a, int count) {
        OptionalInt min = a.smallInteger("min", 1);
        OptionalInt max = a.smallInteger("max", 1);
        List<Window> windows = StepsBinder.windows(a, count, min.orElse(1), max.orElse(Integer.MAX_VALUE));
        int lowest = windows.stream().mapToInt(Window::count).reduce(count, Math::min);
        int highest = windows.stream().mapToInt(Window::count).reduce(count, Math::max);
        return range(a, count, new Scheduled(count, windows), OptionalInt.of(min.orElse(lowest)),
                OptionalInt.of(max.orElse(highest)));
    }

    private static Metric metric(Section a) {
        return a.choice("metric", Metric.class, false).orElse(Metric.CPU);
    }

    private static double target(Section a, Metric metric) {
        return a.requiredNumber("target", metric == Metric.CPU ? PERCENT : Bound.POSITIVE).orElse(1);
    }

    /** The range {@code min}..{@code max} (the tier's count where missing); it must hold the count. */
    private static AutoscaleSpec range(Section a, int count, Settings settings, OptionalInt min, OptionalInt max) {
        int lo = min.orElse(count);
        int hi = max.orElse(count);
        if (a.has("min") && lo > count) {
            a.reportKey("min", "min (" + lo + ") is above the tier's count (" + count + ")");
            lo = count;
        }
        if (a.has("max") && hi < count) {
            a.reportKey("max", "max (" + hi + ") is below the tier's count (" + count + ")");
            hi = count;
        }
        return new AutoscaleSpec(lo, hi, settings);
    }

    /**
     * Reports a {@code connections_per_node} metric on a tier that holds no WebSocket
     * connections (it is not {@code workload.websocket.tier}).
     */
    static void checkConnectionsMetric(Section root, WorkloadSpec workload, Problems problems) {
        Optional<String> wsTier = workload.websocket().map(w -> w.tier());
        List<Node> tiers = root.get("tiers").filter(n -> n instanceof Node.ListNode)
                .map(n -> ((Node.ListNode) n).items()).orElse(List.of());
        for (int i = 0; i < tiers.size(); i++) {
            Optional<String> name = scalar(tiers.get(i), "name");
            Optional<Node> autoscale = entry(tiers.get(i), "autoscale");
            Optional<Node> metric = autoscale.flatMap(m -> entry(m, "metric"));
            boolean connections = metric.flatMap(m -> scalar(m)).filter(
                    Section.fileName(Metric.CONNECTIONS_PER_NODE)::equals).isPresent();
            if (connections && !name.equals(wsTier)) {
                problems.at(metric.get(), Problems.item("tiers", i) + ".autoscale.metric", "connections_per_node "
                        + "applies only to the tier holding WebSocket connections (workload.websocket.tier"
                        + wsTier.map(t -> ": " + t).orElse(", absent") + ")");
            }
        }
    }

    private static Optional<Node> entry(Node map, String key) {
        return map instanceof Node.MapNode m ? Optional.ofNullable(m.entries().get(key)).map(Node.Entry::value)
                : Optional.empty();
    }

    private static Optional<String> scalar(Node map, String key) {
        return entry(map, key).flatMap(AutoscaleBinder::scalar);
    }

    private static Optional<String> scalar(Node node) {
        return node instanceof Node.Scalar s && s.kind() == Node.Scalar.Kind.STRING ? Optional.of(s.text())
                : Optional.empty();
    }
}
