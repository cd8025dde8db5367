package capsim.experiments.summary;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Rounds the numbers of the summary to a fixed number of decimals (half up, on the shortest
 * decimal form of the double), so summaries are short and identical bytes for identical runs.
 */
public final class Round {
    /** Milliseconds: 4 decimals (0.1 us, finer than the recorders' 1 us resolution). */
    public static final int MS = 4;
    /** Ratios 0..1 (utilisation, error ratio, uptime): 6 decimals. */
    public static final int RATIO = 6;
    /** Rates per second and node counts: 4 decimals. */
    public static final int RATE = 4;
    /** Money: cents. */
    public static final int MONEY = 2;
    /** Unit prices (per hour, per user): 6 decimals. */
    public static final int PRICE = 6;
    /** Wall-clock seconds: milliseconds. */
    public static final int WALL_S = 3;

    private Round() {
    }

    /** {@code value} rounded half up to {@code decimals} places; infinities and NaN unchanged. */
    public static double to(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return value;
        }
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
    }
}
