package capsim.models.autoscale;

import capsim.models.spec.AutoscaleSpec;
import capsim.models.spec.AutoscaleSpec.Scheduled;
import capsim.models.spec.AutoscaleSpec.Window;

/**
 * Scheduled scaling (AWS EC2 Auto Scaling scheduled actions; a recurring daily action at each
 * window's start and end): inside a window of the day the tier has the window's count, outside
 * every window the tier's own {@code count}. Hours of the day run as in the workload profile:
 * simulated time 0 is {@code start_h} o'clock. The policy decides at time 0 and at every
 * window boundary; nodes launched then boot like any others, so a window's capacity is in
 * service {@code boot_s} after its start (schedule it earlier to have it ready). The schedule
 * repeats every day, so it ran before the run began: the boundary last crossed before time 0
 * was crossed {@link #setAgoS} earlier, and the nodes it launched have booted for that long.
 */
public final class ScheduledPolicy implements ScalingPolicy {
    private static final double HOURS = 24;
    private static final double S_PER_H = 3600;
    /** A decision looks this far past its instant, so a boundary computed with rounding noise is crossed. */
    private static final double PAST_BOUNDARY_S = 1e-6;

    private final AutoscaleSpec spec;
    private final Scheduled settings;
    private final double startH;

    public ScheduledPolicy(AutoscaleSpec spec, double startH) {
        this.spec = spec;
        this.settings = spec.settings(Scheduled.class);
        this.startH = startH;
    }

    @Override
    public double nextDecisionS(double nowS) {
        double h = hourOfDay(nowS + PAST_BOUNDARY_S);
        double soonestH = Double.POSITIVE_INFINITY;
        for (Window w : settings.schedule()) {
            soonestH = Math.min(soonestH, Math.min(hoursUntil(h, w.fromH()), hoursUntil(h, w.toH())));
        }
        return nowS + PAST_BOUNDARY_S + soonestH * S_PER_H;
    }

    @Override
    public int desired(Observation o) {
        double h = hourOfDay(o.nowS() + PAST_BOUNDARY_S);
        for (Window w : settings.schedule()) {
            if (w.contains(h)) {
                return Capacity.clamp(w.count(), spec);
            }
        }
        return Capacity.clamp(settings.baseCount(), spec);
    }

    /** The time since the last window boundary the clock crossed, at or before {@code nowS}. */
    @Override
    public double setAgoS(double nowS) {
        double h = hourOfDay(nowS + PAST_BOUNDARY_S);
        double latestH = HOURS;
        for (Window w : settings.schedule()) {
            latestH = Math.min(latestH, Math.min(hoursSince(h, w.fromH()), hoursSince(h, w.toH())));
        }
        return Math.max(0, latestH * S_PER_H - PAST_BOUNDARY_S);
    }

    private double hourOfDay(double tS) {
        return ((startH + tS / S_PER_H) % HOURS + HOURS) % HOURS;
    }

    /** Hours from {@code h} to the next time the clock shows {@code boundaryH} (0 < result <= 24). */
    private static double hoursUntil(double h, double boundaryH) {
        double d = ((boundaryH - h) % HOURS + HOURS) % HOURS;
        return d == 0 ? HOURS : d;
    }

    /** Hours from the last time the clock showed {@code boundaryH} to {@code h} (0 <= result < 24). */
    private static double hoursSince(double h, double boundaryH) {
        return ((h - boundaryH) % HOURS + HOURS) % HOURS;
    }
}
