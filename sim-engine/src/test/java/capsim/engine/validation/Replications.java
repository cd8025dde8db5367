package capsim.engine.validation;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Independent replications of one estimator: their mean, and its standard error from their
 * spread. Queue output is autocorrelated within a run, so the spread of whole-run estimates
 * over independent replications (independent seeds) is what measures the precision; the
 * per-job sample variance would understate it by the relaxation time of the queue.
 */
public final class Replications {
    /**
     * Tolerance in standard errors. With R = 20 replications (mean - truth) / SE follows a
     * Student t with 19 degrees of freedom, and P(|t_19| > 4.5) is about 2.5e-4: a correct
     * engine fails with that probability (and, the seeds being fixed, never flickers).
     */
    public static final double Z = 4.5;
    private final double[] values;
    private final double z;
    private int n;

    public Replications(int replications) {
        this(replications, Z);
    }

    /** Replications judged at {@code z} standard errors (the caller justifies its choice). */
    public Replications(int replications, double z) {
        values = new double[replications];
        this.z = z;
    }

    public void add(double estimate) {
        values[n++] = estimate;
    }

    public double mean() {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += values[i];
        }
        return sum / n;
    }

    /** Standard error of {@link #mean()}: sample standard deviation / sqrt(R). */
    public double standardError() {
        double m = mean();
        double ss = 0;
        for (int i = 0; i < n; i++) {
            ss += (values[i] - m) * (values[i] - m);
        }
        return Math.sqrt(ss / (n - 1) / n);
    }

    /**
     * Asserts that the mean is within {@code z} standard errors plus {@code resolution}
     * (a known bias bound of the measurement, e.g. histogram buckets) of {@code expected}, and
     * that the test is sharp: the standard error is at most {@code maxRelativeSe} of
     * {@code expected}, so the tolerance cannot grow wide enough to hide a bug.
     */
    public void assertMatches(String what, double expected, double resolution, double maxRelativeSe) {
        double mean = mean();
        double se = standardError();
        String report = String.format("%s: %.5f vs closed form %.5f (SE %.5f, %d replications)",
                what, mean, expected, se, n);
        assertTrue(se <= maxRelativeSe * Math.abs(expected), "too imprecise to test anything: " + report);
        assertTrue(Math.abs(mean - expected) <= z * se + resolution, report);
    }

    @Override
    public String toString() {
        return String.format("%.6g (SE %.3g, %d replications)", mean(), standardError(), n);
    }
}
