package capsim.experiments.calibrate;

/**
 * Stalls from a low-load run's excess tail. At low load a request is alone, so a latency far
 * above the body is a stall it met: it arrived while the node was stopped (probability
 * p = r E[D] / (1 + r E[D])) and waited the stall's residual. The body ends at Tukey's upper
 * fence, Q3 + 1.5 (Q3 - Q1); the share f of latencies beyond it estimates p, and their mean
 * excess over the median estimates the mean residual, which for exponential stall lengths is
 * their mean m. So r = f / ((1 - f) m).
 *
 * @param fenceMs  where the body ends
 * @param share    share of latencies beyond the fence
 * @param meanMs   mean stall length (the tail's mean excess over the median)
 * @param ratePerS stalls per second while up
 */
public record StallFit(double fenceMs, double share, double meanMs, double ratePerS) {
    /** Fits the stalls of {@code sorted} latencies (ascending, ms); rate 0 when the tail is empty. */
    public static StallFit fit(double[] sorted) {
        double q1 = quantile(sorted, 0.25);
        double median = quantile(sorted, 0.5);
        double q3 = quantile(sorted, 0.75);
        double fence = q3 + 1.5 * (q3 - q1);
        int tail = 0;
        double excess = 0;
        for (int i = sorted.length - 1; i >= 0 && sorted[i] > fence; i--) {
            tail++;
            excess += sorted[i] - median;
        }
        if (tail == 0) {
            return new StallFit(fence, 0, 0, 0);
        }
        double f = tail / (double) sorted.length;
        double m = excess / tail;
        return new StallFit(fence, f, m, f / ((1 - f) * m / 1000));
    }

    /** The {@code p} quantile of ascending {@code sorted} (nearest rank). */
    static double quantile(double[] sorted, double p) {
        int i = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
