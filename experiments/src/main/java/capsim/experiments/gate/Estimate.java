package capsim.experiments.gate;

import java.util.Optional;

/**
 * A metric as one run measured it: the value the summary reports, and the mean, standard error
 * and degrees of freedom of the estimate its spread gives ({@code spread} empty when the run
 * cannot tell: fewer than two replications, or a baseline written without them).
 */
record Estimate(double value, Optional<Spread> spread) {

    /** The mean of the per-replication values, its standard error and degrees of freedom (infinite: normal). */
    record Spread(double mean, double standardError, double df) {
    }

    /** From per-replication values {@code xs}: mean, s / sqrt(n), n - 1 degrees of freedom. */
    static Estimate ofReplications(double value, double[] xs) {
        int n = xs.length;
        if (n < 2) {
            return new Estimate(value, Optional.empty());
        }
        double mean = 0;
        for (double x : xs) {
            mean += x / n;
        }
        double squares = 0;
        for (double x : xs) {
            squares += (x - mean) * (x - mean);
        }
        return new Estimate(value, Optional.of(new Spread(mean, Math.sqrt(squares / (n - 1) / n), n - 1)));
    }
}
