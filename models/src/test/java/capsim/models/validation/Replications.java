package capsim.models.validation;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Independent replications of one estimator: their mean, and its standard error from their
 * spread. Queue output is autocorrelated within a run, so the spread of whole-run estimates
 * over independent replications is what measures the precision (the per-request sample
 * variance would understate it by the relaxation time of the queue). The same as the one of
 * sim-engine's validation suite, whose test classes this module cannot see.
 */
final class Replications {
    /**
     * Tolerance in standard errors. With R replications, (mean - truth) / SE follows a Student t
     * with R - 1 degrees of freedom: P(|t_9| > 5) is about 7e-4 and P(|t_19| > 5) about 8e-5,
     * so a correct simulator fails rarely (and, the seeds being fixed, never flickers).
     */
    static final double Z = 5;
    private final double[] values;
    private int n;

    Replications(int replications) {
        values = new double[replications];
    }

    void add(double estimate) {
        values[n++] = estimate;
    }

    double mean() {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += values[i];
        }
        return sum / n;
    }

    /** Standard error of {@link #mean()}: sample standard deviation / sqrt(R). */
    double standardError() {
        double m = mean();
        double ss = 0;
        for (int i = 0; i < n; i++) {
            ss += (values[i] - m) * (values[i] - m);
        }
        return Math.sqrt(ss / (n - 1) / n);
    }

    /**
     * Asserts that the mean is within {@link #Z} standard errors plus {@code resolution} (a
     * known bias bound of the measurement) of {@code expected}, and that the test is sharp: the
     * standard error is at most {@code maxRelativeSe} of {@code expected}.
     */
    void assertMatches(String what, double expected, double resolution, double maxRelativeSe) {
        double mean = mean();
        double se = standardError();
        String report = String.format("%s: %.6g vs closed form %.6g (SE %.3g, %d replications)", what, mean,
                expected, se, n);
        assertTrue(se <= maxRelativeSe * Math.abs(expected), "too imprecise to test anything: " + report);
        assertTrue(Math.abs(mean - expected) <= Z * se + resolution, report);
    }

    @Override
    public String toString() {
        return String.format("%.6g (SE %.3g, %d replications)", mean(), standardError(), n);
    }
}
