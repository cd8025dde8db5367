package capsim.engine.dist;

/** Argument checks shared by the distributions; each message names the distribution and parameter. */
final class Require {
    private Require() {
    }

    /** {@code value}, if finite and > 0. */
    static double positive(String what, double value) {
        return above(what, value, 0);
    }

    /** {@code value}, if finite and >= 0. */
    static double nonNegative(String what, double value) {
        return atLeast(what, value, 0);
    }

    /** {@code value}, if finite and > {@code bound}. */
    static double above(String what, double value, double bound) {
        if (!(value > bound) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(what + " must be > " + format(bound) + " and finite, was " + value);
        }
        return value;
    }

    /** {@code value}, if finite and >= {@code bound}. */
    static double atLeast(String what, double value, double bound) {
        if (!(value >= bound) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(what + " must be >= " + format(bound) + " and finite, was " + value);
        }
        return value;
    }

    /** A factor for {@link Distribution#scaled}, if finite and > 0. */
    static double factor(double factor) {
        return positive("scale factor", factor);
    }

    private static String format(double bound) {
        return bound == Math.rint(bound) ? Long.toString((long) bound) : Double.toString(bound);
    }
}
