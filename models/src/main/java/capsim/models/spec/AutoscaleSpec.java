package capsim.models.spec;

import java.util.List;
import java.util.Optional;

/**
 * {@code autoscale:} on a tier: the node count moves between {@code min} and {@code max} as one
 * policy decides. {@code settings} holds the policy and its own keys; defaults and their
 * sources are the constants of each settings record (docs/autoscale.md lists them all).
 */
public record AutoscaleSpec(int min, int max, Settings settings) {
    public AutoscaleSpec {
        if (min < 1 || max < min) {
            throw new IllegalArgumentException("need 1 <= min <= max, was " + min + ".." + max);
        }
    }

    /** The policy families, written in lower snake case in a model file. */
    public enum Policy { TARGET_TRACKING, STEP, HPA, SCHEDULED }

    /**
     * What a metric policy watches: {@code cpu} (busy servers / servers, percent),
     * {@code requests_per_node} (visits offered per second per node in service),
     * {@code connections_per_node} (WebSocket connections per node in service).
     */
    public enum Metric { CPU, REQUESTS_PER_NODE, CONNECTIONS_PER_NODE }

    public Policy policy() {
        return settings.policy();
    }

    /** The settings as the policy's own record type. */
    public <S extends Settings> S settings(Class<S> type) {
        return type.cast(settings);
    }

    /** One policy's keys. */
    public sealed interface Settings permits TargetTracking, StepScaling, Hpa, Scheduled {
        Policy policy();

        /** The metric the policy scales on; empty for a schedule. */
        Optional<Metric> scalingMetric();
    }

    /**
     * AWS EC2 Auto Scaling target tracking: scale out after {@code scaleOutDatapoints}
     * consecutive periods of {@code periodS} above {@code target}, scale in after
     * {@code scaleInDatapoints} below {@code scaleInRatio} x {@code target}; a launched node's
     * metric counts {@code warmupS} after it enters service.
     */
    public record TargetTracking(Metric metric, double target, double periodS, int scaleOutDatapoints,
                                 int scaleInDatapoints, double warmupS, double scaleInRatio) implements Settings {
        /** Detailed (1-minute) monitoring, the period AWS recommends (FACTS.md). */
        public static final double DEFAULT_PERIOD_S = 60;
        /** Scale-out alarm: 3 datapoints (FACTS.md, reported by users). */
        public static final int DEFAULT_SCALE_OUT_DATAPOINTS = 3;
        /** Scale-in alarm: 15 datapoints (FACTS.md, reported by users). */
        public static final int DEFAULT_SCALE_IN_DATAPOINTS = 15;
        /** The default cooldown, used as warm-up when none is set (FACTS.md). */
        public static final double DEFAULT_WARMUP_S = 300;
        /** Scale in below the target itself: no public source states a lower scale-in threshold. */
        public static final double DEFAULT_SCALE_IN_RATIO = 1.0;

        @Override
        public Policy policy() {
            return Policy.TARGET_TRACKING;
        }

        @Override
        public Optional<Metric> scalingMetric() {
            return Optional.of(metric);
        }
    }

    /**
     * AWS step scaling with a simple-scaling cooldown: after {@code datapoints} consecutive
     * periods of {@code periodS} inside a step's bounds, the step's change applies, then no
     * change for {@code cooldownS}.
     */
    public record StepScaling(Metric metric, double periodS, int datapoints, double cooldownS, List<Step> steps)
            implements Settings {
        public static final double DEFAULT_PERIOD_S = 60;
        /** One breaching datapoint raises the alarm (the CloudWatch alarm default). */
        public static final int DEFAULT_DATAPOINTS = 1;
        /** EC2 Auto Scaling's default cooldown (FACTS.md). */
        public static final double DEFAULT_COOLDOWN_S = 300;

        public StepScaling {
            steps = List.copyOf(steps);
        }

        @Override
        public Policy policy() {
            return Policy.STEP;
        }

        @Override
        public Optional<Metric> scalingMetric() {
            return Optional.of(metric);
        }
    }

    /**
     * One step adjustment: {@code change} nodes when the metric is in its bounds, which are
     * [lower, upper) for a scale-out step ({@code change} > 0) and (lower, upper] for a scale-in
     * step, as AWS step adjustments; an open bound is infinite.
     */
    public record Step(double lower, double upper, int change) {
        public boolean scalesOut() {
            return change > 0;
        }

        /** True if {@code metric} falls in this step's bounds. */
        public boolean contains(double metric) {
            return scalesOut() ? metric >= lower && metric < upper : metric > lower && metric <= upper;
        }
    }

    /**
     * Kubernetes HorizontalPodAutoscaler (autoscaling/v2): every {@code syncS},
     * desired = ceil(ready x metric / target) outside the {@code tolerance}, stabilised over
     * {@code upStabilizationS} / {@code downStabilizationS} and limited to
     * max({@code upPods}, {@code upPercent}%) more and {@code downPercent}% fewer pods per
     * {@code policyPeriodS}.
     */
    public record Hpa(Metric metric, double target, double syncS, double tolerance, double upStabilizationS,
                      double downStabilizationS, int upPods, double upPercent, double downPercent,
                      double policyPeriodS) implements Settings {
        /** Controller sync period (FACTS.md). */
        public static final double DEFAULT_SYNC_S = 15;
        public static final double DEFAULT_TOLERANCE = 0.1;
        public static final double DEFAULT_UP_STABILIZATION_S = 0;
        public static final double DEFAULT_DOWN_STABILIZATION_S = 300;
        /** Default scale-up policies: 4 pods or 100% per 15 s, whichever is more (FACTS.md). */
        public static final int DEFAULT_UP_PODS = 4;
        public static final double DEFAULT_UP_PERCENT = 100;
        /** Default scale-down policy: 100% per 15 s (FACTS.md). */
        public static final double DEFAULT_DOWN_PERCENT = 100;
        public static final double DEFAULT_POLICY_PERIOD_S = 15;

        @Override
        public Policy policy() {
            return Policy.HPA;
        }

        @Override
        public Optional<Metric> scalingMetric() {
            return Optional.of(metric);
        }
    }

    /** Scheduled scaling: {@code count} nodes inside each window, the tier's own count outside. */
    public record Scheduled(int baseCount, List<Window> schedule) implements Settings {
        public Scheduled {
            schedule = List.copyOf(schedule);
        }

        @Override
        public Policy policy() {
            return Policy.SCHEDULED;
        }

        @Override
        public Optional<Metric> scalingMetric() {
            return Optional.empty();
        }
    }

    /**
     * A window of the day from hour {@code fromH} to {@code toH} (it wraps midnight when
     * {@code fromH > toH}) with {@code count} nodes.
     */
    public record Window(double fromH, double toH, int count) {
        /** True if the hour of the day {@code h} (0 to 24) falls inside the window. */
        public boolean contains(double h) {
            return fromH <= toH ? h >= fromH && h < toH : h >= fromH || h < toH;
        }
    }
}
