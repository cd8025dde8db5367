package capsim.models.autoscale;

import capsim.models.spec.AutoscaleSpec;
import capsim.models.spec.AutoscaleSpec.TargetTracking;

/**
 * AWS EC2 Auto Scaling target tracking (EC2 Auto Scaling user guide, "Target tracking scaling
 * policies"; FACTS.md). Two CloudWatch alarms watch one datapoint per metric period: the
 * scale-out alarm fires after {@code scale_out_datapoints} consecutive datapoints above the
 * target, the scale-in alarm after {@code scale_in_datapoints} below {@code scale_in_ratio} x
 * the target. While an alarm stays in alarm the policy acts again at every datapoint.
 * <ul>
 *   <li>Scale out proportionally, rounding up: capacity = max(capacity,
 *       ceil(ready x metric / target)), where ready counts the nodes in the metric; nodes still
 *       booting or warming up are in the capacity but not in the metric, so a second alarm
 *       launches only what the first did not already (the warm-up rule of the user guide).</li>
 *   <li>Scale in gradually, rounding the removal down: capacity = ceil(ready x metric /
 *       target), and not while a scale-out or a warm-up is in progress.</li>
 *   <li>A launched node's metric counts from {@code warmup_s} after it enters service.</li>
 * </ul>
 * Departures: CloudWatch's publication delay (about a minute) is not modelled; a period without
 * a metric (no ready node) breaks both alarms' runs, as {@code TreatMissingData: missing} with
 * too few datapoints leaves an alarm undecided. The scale-in threshold defaults to the target
 * itself: no public source states the ratio AWS uses.
 */
public final class TargetTrackingPolicy implements ScalingPolicy {
    private final AutoscaleSpec spec;
    private final TargetTracking settings;
    private final Alarm high;
    private final Alarm low;

    public TargetTrackingPolicy(AutoscaleSpec spec) {
        this.spec = spec;
        this.settings = spec.settings(TargetTracking.class);
        double target = settings.target();
        this.high = new Alarm(m -> m > target, settings.scaleOutDatapoints());
        this.low = new Alarm(m -> m < settings.scaleInRatio() * target, settings.scaleInDatapoints());
    }

    @Override
    public double nextDecisionS(double nowS) {
        return nowS + settings.periodS();
    }

    @Override
    public double warmupS() {
        return settings.warmupS();
    }

    @Override
    public int desired(Observation o) {
        boolean scaleOut = high.observe(o.metric());
        boolean scaleIn = low.observe(o.metric());
        int proportional = Capacity.ceil(o.ready() * o.metric() / settings.target());
        if (scaleOut) {
            return Capacity.clamp(Math.max(o.capacity(), proportional), spec);
        }
        if (scaleIn && o.notReady() == 0) {
            return Capacity.clamp(Math.min(o.capacity(), proportional), spec);
        }
        return o.capacity();
    }
}
