package capsim.models.spec;

import java.util.List;

/**
 * {@code workload.profile:} multiplies every class's rate over simulated time.
 * <ul>
 *   <li>{@code constant}: factor 1;</li>
 *   <li>{@code hourly}: {@code multipliers}, 24 values, one per hour of the day;</li>
 *   <li>{@code peak}: {@code factor} between hours {@code from} and {@code to} (hours of the day,
 *       e.g. 8 and 18, or "08:00"; bound to {@code fromH} and {@code toH}), 1 elsewhere.</li>
 * </ul>
 * Simulated time 0 is {@code start_h} o'clock (default 0).
 */
public record ProfileSpec(Kind kind, List<Double> multipliers, double fromH, double toH, double factor, double startH) {
    public enum Kind { CONSTANT, HOURLY, PEAK }

    public static final ProfileSpec CONSTANT = new ProfileSpec(Kind.CONSTANT, List.of(), 0, 0, 1, 0);

    public ProfileSpec {
        multipliers = List.copyOf(multipliers);
    }

    /** The rate multiplier at simulated time {@code tS}. */
    public double multiplierAt(double tS) {
        double hourOfDay = ((startH + tS / 3600.0) % 24 + 24) % 24;
        return switch (kind) {
            case CONSTANT -> 1.0;
            case HOURLY -> multipliers.get((int) Math.floor(hourOfDay) % 24);
            case PEAK -> inPeak(hourOfDay) ? factor : 1.0;
        };
    }

    private boolean inPeak(double h) {
        return fromH <= toH ? (h >= fromH && h < toH) : (h >= fromH || h < toH);
    }

    /** The smallest multiplier the profile ever applies. */
    public double minMultiplier() {
        return switch (kind) {
            case CONSTANT -> 1.0;
            case HOURLY -> multipliers.stream().mapToDouble(Double::doubleValue).min().orElse(1.0);
            case PEAK -> Math.min(1.0, factor);
        };
    }

    /**
     * The hour of the day (0..24) at which the profile first applies its largest multiplier:
     * the hour of the largest hourly multiplier, the start of the peak (or its end, for a
     * factor below 1); 0 for a constant profile.
     */
    public double peakHour() {
        return switch (kind) {
            case CONSTANT -> 0;
            case HOURLY -> multipliers.indexOf(maxMultiplier());
            case PEAK -> factor >= 1 ? fromH : toH;
        };
    }

    /** The largest multiplier the profile ever applies (the thinning bound). */
    public double maxMultiplier() {
        return switch (kind) {
            case CONSTANT -> 1.0;
            case HOURLY -> multipliers.stream().mapToDouble(Double::doubleValue).max().orElse(1.0);
            case PEAK -> Math.max(1.0, factor);
        };
    }
}
