package capsim.models.autoscale;

import capsim.models.spec.AutoscaleSpec;
import capsim.models.spec.AutoscaleSpec.Step;
import capsim.models.spec.AutoscaleSpec.StepScaling;

/**
 * AWS step scaling (EC2 Auto Scaling user guide, "Step and simple scaling policies"). The
 * scale-out alarm's threshold is the lowest lower bound of the scale-out steps (metric >=
 * threshold), the scale-in alarm's the highest upper bound of the scale-in steps (metric <=
 * threshold); an alarm fires after {@code datapoints} consecutive breaching periods, and the
 * step whose bounds hold the latest datapoint adds its {@code change} to the capacity. After a
 * change no other change happens for {@code cooldown_s}, counted from the decision.
 * Departures: AWS step policies use an instance warm-up instead of a cooldown and count the
 * cooldown of simple policies from the end of the scaling activity (add {@code boot_s} for the
 * same effect); alarms keep counting datapoints during a cooldown, as in CloudWatch.
 */
public final class StepScalingPolicy implements ScalingPolicy {
    private final AutoscaleSpec spec;
    private final StepScaling settings;
    private final Alarm high;
    private final Alarm low;
    private double quietUntilS = Double.NEGATIVE_INFINITY;

    public StepScalingPolicy(AutoscaleSpec spec) {
        this.spec = spec;
        this.settings = spec.settings(StepScaling.class);
        double highThreshold = settings.steps().stream().filter(Step::scalesOut).mapToDouble(Step::lower).min()
                .orElse(Double.POSITIVE_INFINITY);
        double lowThreshold = settings.steps().stream().filter(s -> !s.scalesOut()).mapToDouble(Step::upper).max()
                .orElse(Double.NEGATIVE_INFINITY);
        this.high = new Alarm(m -> m >= highThreshold, settings.datapoints());
        this.low = new Alarm(m -> m <= lowThreshold, settings.datapoints());
    }

    @Override
    public double nextDecisionS(double nowS) {
        return nowS + settings.periodS();
    }

    @Override
    public int desired(Observation o) {
        boolean scaleOut = high.observe(o.metric());
        boolean scaleIn = low.observe(o.metric());
        if (!(scaleOut || scaleIn) || o.nowS() < quietUntilS) {
            return o.capacity();
        }
        for (Step step : settings.steps()) {
            if (step.contains(o.metric())) {
                int next = Capacity.clamp(o.capacity() + step.change(), spec);
                if (next != o.capacity()) {
                    quietUntilS = o.nowS() + settings.cooldownS();
                }
                return next;
            }
        }
        return o.capacity();
    }
}
