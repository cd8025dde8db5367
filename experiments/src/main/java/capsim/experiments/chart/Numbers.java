package capsim.experiments.chart;

import java.util.Locale;

/** Number formats of chart labels (locale-independent). */
final class Numbers {
    private Numbers() {
    }

    /** A number in its shortest form: 200, 0.995, 12.5. */
    static String plain(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.4g", v).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
    }

    /** Dollars with thousands separators and no cents: $1,877. */
    static String usd(double v) {
        return String.format(Locale.ROOT, "$%,.0f", v);
    }
}
