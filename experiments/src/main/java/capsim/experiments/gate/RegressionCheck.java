package capsim.experiments.gate;

import capsim.engine.stats.ConfidenceInterval;
import java.util.Optional;

/**
 * One SLO metric against the baseline: {@code compared} names what is compared (the metric, or
 * {@code uptime.downtime_min_per_month} for an uptime SLO), {@code lowerIsBetter} its better
 * direction, the two values, and the interval of the change now - baseline at the rule's
 * confidence (empty when a run has no spread to judge it by; the tolerance alone decides then).
 */
public record RegressionCheck(String compared, boolean lowerIsBetter, double baseline, double now,
                              Optional<Interval> changeInterval, double tolerancePct) {

    /** now - baseline, in the metric's unit. */
    public double change() {
        return now - baseline;
    }

    /** The change in percent of the baseline; empty when the baseline is 0. */
    public Optional<Double> changePct() {
        return baseline == 0 ? Optional.empty() : Optional.of(change() / Math.abs(baseline) * 100);
    }

    /** Worse than the baseline by more than the tolerance (any worsening of a baseline of 0). */
    public boolean beyondTolerance() {
        double worse = lowerIsBetter ? change() : -change();
        return worse > Math.abs(baseline) * tolerancePct / 100;
    }

    /** The whole interval of the change lies on the worse side of zero (true without an interval). */
    public boolean significant() {
        return changeInterval.map(ci -> lowerIsBetter ? ci.range().lo() > 0 : ci.range().hi() < 0).orElse(true);
    }

    /** Worse by more than the tolerance, and significantly so. */
    public boolean regressed() {
        return beyondTolerance() && significant();
    }

    /** The interval of the change and the test that gave it ("paired", "Welch", "uptime interval"). */
    public record Interval(ConfidenceInterval range, String test) {
    }
}
