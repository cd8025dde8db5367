package capsim.models.autoscale;

import capsim.models.spec.AutoscaleSpec;
import capsim.models.spec.AutoscaleSpec.Policy;
import java.util.Map;
import java.util.function.BiFunction;

/** The policy class of each {@code policy} value; adding a policy adds one line here. */
public final class Policies {
    /** Each factory takes the spec and the hour of day at simulated time 0 ({@code start_h}). */
    private static final Map<Policy, BiFunction<AutoscaleSpec, Double, ScalingPolicy>> REGISTRY = Map.of(
            Policy.TARGET_TRACKING, (spec, startH) -> new TargetTrackingPolicy(spec),
            Policy.STEP, (spec, startH) -> new StepScalingPolicy(spec),
            Policy.HPA, (spec, startH) -> new HpaPolicy(spec),
            Policy.SCHEDULED, ScheduledPolicy::new);

    private Policies() {
    }

    /** A new policy for {@code spec} (one per tier and replication: policies keep history). */
    public static ScalingPolicy of(AutoscaleSpec spec, double startH) {
        return REGISTRY.get(spec.policy()).apply(spec, startH);
    }
}
