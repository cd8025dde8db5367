package capsim.engine.stats;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * A confidence interval [lo, hi]. {@link #ofMean} gives the Student t interval of the mean of
 * independent replications: mean +- t_{1-(1-level)/2, n-1} s / sqrt(n), with s the sample
 * standard deviation (Law, "Simulation Modeling and Analysis", 5th ed., section 9.4.1) and the
 * t quantile from Commons Math. One replication, or no spread, gives the point itself.
 */
public record ConfidenceInterval(double lo, double hi) {
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
}
