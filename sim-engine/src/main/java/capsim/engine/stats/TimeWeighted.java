package capsim.engine.stats;

/**
 * Time-weighted statistics of a piecewise-constant value (SSJ's {@code Accumulate}): at each
 * change the old value times the time it was held is added to an integral, so the time average
 * integral / elapsed is exact, not sampled. The integral is summed with Neumaier's compensated
 * summation so that millions of small terms lose no precision. {@link #reset} starts a new
 * observation period (e.g. after warm-up) keeping the current value. Min and max range over the
 * values taken since the last reset, including the one current at that reset.
 */
public final class TimeWeighted {
    private double startS;
    private double lastS;
    private double value;
    private double sum;
    private double compensation;
    private double min;
    private double max;

    /** Observation starts at {@code startS} with the value {@code initialValue}. */
    public TimeWeighted(double startS, double initialValue) {
        this.value = initialValue;
        reset(startS);
    }

    /** The value changes to {@code newValue} at {@code timeS} (not before the last change). */
    public void update(double timeS, double newValue) {
        advance(timeS);
        value = newValue;
        min = Math.min(min, newValue);
        max = Math.max(max, newValue);
    }

    /** Discards everything before {@code timeS}; the current value carries on. */
    public void reset(double timeS) {
        startS = timeS;
        lastS = timeS;
        sum = 0;
        compensation = 0;
        min = value;
        max = value;
    }

    /** The current value. */
    public double value() {
        return value;
    }

    /** The integral of the value from the last reset to {@code untilS} (value x seconds). */
    public double integral(double untilS) {
        checkNotBefore(untilS);
        return sum + compensation + value * (untilS - lastS);
    }

    /** The time average from the last reset to {@code untilS}; the current value if no time has passed. */
    public double average(double untilS) {
        double elapsedS = untilS - startS;
        double integral = integral(untilS);
        return elapsedS == 0 ? value : integral / elapsedS;
    }

    /** Smallest value since the last reset. */
    public double min() {
        return min;
    }

    /** Largest value since the last reset. */
    public double max() {
        return max;
    }

    private void advance(double timeS) {
        checkNotBefore(timeS);
        double term = value * (timeS - lastS);
        double t = sum + term;
        compensation += Math.abs(sum) >= Math.abs(term) ? (sum - t) + term : (term - t) + sum;
        sum = t;
        lastS = timeS;
    }

    private void checkNotBefore(double timeS) {
        if (!(timeS >= lastS)) {
            throw new IllegalArgumentException("time must not go backwards: " + timeS + " < " + lastS);
        }
    }
}
