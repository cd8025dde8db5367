package capsim.engine.stats;

import java.util.OptionalInt;
import java.util.function.IntPredicate;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * A confidence interval [lo, hi]. {@link #ofMean} gives the Student t interval of the mean of
 * independent replications: mean +- t_{1-(1-level)/2, n-1} s / sqrt(n), with s the sample
 * standard deviation (Law, "Simulation Modeling and Analysis", 5th ed., section 9.4.1) and the
 * t quantile from Commons Math. One replication, or no spread, gives the point itself.
 */
public record ConfidenceInterval(double lo, double hi) {
    /** The most replications {@link #replicationsToExclude} looks at. */
    public static final int MOST_REPLICATIONS = 100_000;

    public ConfidenceInterval {
        if (!(lo <= hi)) {
            throw new IllegalArgumentException("interval lo must be <= hi, was [" + lo + ", " + hi + "]");
        }
    }

    /** The 95% Student t interval of the mean of {@code perReplication} (one value per replication). */
    public static ConfidenceInterval ofMean95(double... perReplication) {
        return ofMean(0.95, perReplication);
    }

    /** The Student t interval at {@code level} (0..1) of the mean of {@code perReplication}. */
    public static ConfidenceInterval ofMean(double level, double... perReplication) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1), was " + level);
        }
        int n = perReplication.length;
        if (n == 0) {
            throw new IllegalArgumentException("confidence interval needs at least one value");
        }
        double mean = 0;
        for (double x : perReplication) {
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException("confidence interval values must be finite, was " + x);
            }
            mean += x;
        }
        mean /= n;
        double squares = 0;
        for (double x : perReplication) {
            squares += (x - mean) * (x - mean);
        }
        if (n == 1 || squares == 0) {
            return new ConfidenceInterval(mean, mean);
        }
        double s = Math.sqrt(squares / (n - 1));
        // a null generator: the distribution is only used for its quantile, never sampled
        double t = new TDistribution(null, n - 1).inverseCumulativeProbability(1 - (1 - level) / 2);
        double halfWidth = t * s / Math.sqrt(n);
        return new ConfidenceInterval(mean - halfWidth, mean + halfWidth);
    }

    /**
     * The Student t interval at {@code level} of an estimate {@code mean} with standard error
     * {@code standardError} and {@code df} degrees of freedom (fractional, as Welch-Satterthwaite
     * gives them; infinite for a normal interval); a zero error gives the point itself.
     */
    public static ConfidenceInterval ofEstimate(double level, double mean, double standardError, double df) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1), was " + level);
        }
        if (!(standardError >= 0) || !(df > 0) || !Double.isFinite(mean)) {
            throw new IllegalArgumentException("estimate needs a finite mean, an error >= 0 and df > 0, was "
                    + mean + ", " + standardError + ", " + df);
        }
        if (standardError == 0) {
            return new ConfidenceInterval(mean, mean);
        }
        double p = 1 - (1 - level) / 2;
        double q = Double.isInfinite(df)
                ? new NormalDistribution(null, 0, 1).inverseCumulativeProbability(p)
                : new TDistribution(null, df).inverseCumulativeProbability(p);
        return new ConfidenceInterval(mean - q * standardError, mean + q * standardError);
    }

    /** Half the width, (hi - lo) / 2. */
    public double halfWidth() {
        return (hi - lo) / 2;
    }

    /**
     * The replications in all after which a 95% interval like this one, from {@code n}
     * replications, would likely no longer contain {@code target}, if its centre stays where it
     * is: the half-width is t_{n-1} s / sqrt(n), so the spread s = halfWidth sqrt(n) / t_{n-1} is
     * kept and N is the smallest count above n with t_{N-1} s / sqrt(N) below the distance from
     * the centre to the target. Empty when the centre is the target, for fewer than 2
     * replications, or when it takes more than {@link #MOST_REPLICATIONS}.
     */
    public OptionalInt replicationsToExclude(int n, double target) {
        double distance = Math.abs((lo + hi) / 2 - target);
        if (n < 2 || distance == 0) {
            return OptionalInt.empty();
        }
        double spread = halfWidth() * Math.sqrt(n) / t95(n - 1);
        IntPredicate settles = all -> t95(all - 1) * spread / Math.sqrt(all) < distance;
        int below = n;
        int above = n + 1;
        while (!settles.test(above)) { // t_{N-1} / sqrt(N) falls with N: double, then halve the gap
            if (above >= MOST_REPLICATIONS) {
                return OptionalInt.empty();
            }
            below = above;
            above = Math.min(MOST_REPLICATIONS, 2 * above);
        }
        while (above - below > 1) {
            int middle = (below + above) >>> 1;
            if (settles.test(middle)) {
                above = middle;
            } else {
                below = middle;
            }
        }
        return OptionalInt.of(above);
    }

    private static double t95(int df) {
        return new TDistribution(null, df).inverseCumulativeProbability(0.975);
    }
}
