package capsim.models.load;

import java.math.BigInteger;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.DoublePredicate;

/**
 * Typed reading of one scalar value with its range check. Each method reports a wrong type or an
 * out-of-range value at the value's line and column and returns empty.
 */
final class Values {
    private Values() {
    }

    /** A range a number must fall in, and how to say it ("must be > 0"). */
    record Bound(DoublePredicate test, String text) {
        static final Bound ANY = new Bound(x -> true, "any number");
        static final Bound POSITIVE = new Bound(x -> x > 0, "must be > 0");
        static final Bound NON_NEGATIVE = new Bound(x -> x >= 0, "must be >= 0");
        static final Bound UNIT = new Bound(x -> x >= 0 && x <= 1, "must be between 0 and 1");

        static Bound atLeast(double min) {
            return new Bound(x -> x >= min, "must be >= " + Values.format(min));
        }

        static Bound between(double min, double max) {
            return new Bound(x -> x >= min && x <= max,
                    "must be between " + Values.format(min) + " and " + Values.format(max));
        }
    }

    /** A string. */
    static Optional<String> string(Node node, String path, Problems problems) {
        if (node instanceof Node.Scalar s && s.kind() == Node.Scalar.Kind.STRING) {
            return Optional.of(s.text());
        }
        problems.at(node, path, "expected a string, found " + node.describe());
        return Optional.empty();
    }

    /** A finite number within {@code bound}. */
    static OptionalDouble number(Node node, String path, Bound bound, Problems problems) {
        if (!(node instanceof Node.Scalar s) || !s.isNumber()) {
            problems.at(node, path, "expected a number, found " + node.describe());
            return OptionalDouble.empty();
        }
        if (!Double.isFinite(s.number())) {
            problems.at(node, path, "expected a finite number, found " + s.text());
            return OptionalDouble.empty();
        }
        if (!bound.test().test(s.number())) {
            problems.at(node, path, bound.text() + ", was " + s.text());
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(s.number());
    }

    /** A whole number (fitting a long) of at least {@code min}. */
    static OptionalLong integer(Node node, String path, long min, Problems problems) {
        if (!(node instanceof Node.Scalar s) || s.kind() != Node.Scalar.Kind.INTEGER) {
            String found = node instanceof Node.Scalar s && s.kind() == Node.Scalar.Kind.FLOAT
                    ? "a fractional number (" + s.text() + ")" : node.describe();
            problems.at(node, path, "expected a whole number, found " + found);
            return OptionalLong.empty();
        }
        BigInteger value = new BigInteger(s.text());
        if (value.bitLength() >= Long.SIZE) {
            problems.at(node, path, "number too large, was " + s.text());
            return OptionalLong.empty();
        }
        if (value.longValue() < min) {
            problems.at(node, path, "must be >= " + min + ", was " + s.text());
            return OptionalLong.empty();
        }
        return OptionalLong.of(value.longValue());
    }

    /** A whole number of at least {@code min} that fits an int. */
    static OptionalInt smallInteger(Node node, String path, long min, Problems problems) {
        OptionalLong v = integer(node, path, min, problems);
        if (v.isEmpty()) {
            return OptionalInt.empty();
        }
        if (v.getAsLong() > Integer.MAX_VALUE) {
            problems.at(node, path, "must be <= " + Integer.MAX_VALUE + ", was " + v.getAsLong());
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) v.getAsLong());
    }

    /** {@code x} without a trailing ".0" when whole. */
    static String format(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }
}
