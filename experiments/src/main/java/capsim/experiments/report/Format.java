package capsim.experiments.report;

import java.util.Locale;

/** Number formats of the terminal reports (locale-independent). */
final class Format {
    private Format() {
    }

    /** Milliseconds with 3 to 4 significant digits: 0.123, 12.35, 123.5, 1234.5. */
    static String ms(double ms) {
        double a = Math.abs(ms);
        return String.format(Locale.ROOT, a >= 100 ? "%.1f" : a >= 10 ? "%.2f" : "%.3f", ms);
    }

    /** A ratio as a percentage with one decimal: 0.4567 -> "45.7%". */
    static String pct(double ratio) {
        return String.format(Locale.ROOT, "%.1f%%", ratio * 100);
    }

    /** A ratio as a percentage with {@code decimals} decimals. */
    static String pct(double ratio, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f%%", ratio * 100);
    }

    /** A number with two decimals and thousands separators: 1,234.57. */
    static String num2(double v) {
        return String.format(Locale.ROOT, "%,.2f", v);
    }

    /** A whole number with thousands separators. */
    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** A number in its shortest form: 200, 0.995, 1.5E-4. */
    static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    /** A bound of an interval to 6 significant digits, trailing zeros dropped: 3.9560317096 -> "3.95603". */
    static String bound(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
