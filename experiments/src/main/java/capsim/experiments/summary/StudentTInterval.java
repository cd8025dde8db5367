package capsim.experiments.summary;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Confidence interval of a mean from n independent replications: mean +- t(1 - a/2, n - 1) x
 * s / sqrt(n), with s the sample standard deviation (Law, <i>Simulation Modeling and
 * Analysis</i>, 5th ed., section 9.4.1, the fixed-sample-size procedure). The t quantile comes
 * from Commons Math's {@link TDistribution}. With one value, or no spread, the interval is that
 * value.
 */
public record StudentTInterval(double lo, double hi) {

    /** The 95% interval of the mean of {@code values} (at least one). */
    public static StudentTInterval ci95(double[] values) {
        return of(values, 0.95);
    }

    /** The {@code confidence} (0..1) interval of the mean of {@code values} (at least one). */
    public static StudentTInterval of(double[] values, double confidence) {
        int n = values.length;
        if (n == 0) {
            throw new IllegalArgumentException("no values");
        }
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= n;
        if (n == 1) {
            return new StudentTInterval(mean, mean);
        }
        double sumSq = 0;
        for (double v : values) {
            sumSq += (v - mean) * (v - mean);
        }
        double s = Math.sqrt(sumSq / (n - 1));
        double t = new TDistribution(null, n - 1).inverseCumulativeProbability(1 - (1 - confidence) / 2);
        double half = t * s / Math.sqrt(n);
        return new StudentTInterval(mean - half, mean + half);
    }
}
