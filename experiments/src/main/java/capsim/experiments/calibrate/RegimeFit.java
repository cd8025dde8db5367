package capsim.experiments.calibrate;

import java.util.Arrays;
import java.util.Optional;

/**
 * Two capacity levels from an unthrottled run's throughput per second: the seconds are split in
 * two by 1-D k-means (Lloyd's iterations from the slowest and the fastest second), each level is
 * its cluster's mean, and its mean dwell is the mean length of its runs of consecutive seconds.
 * The first and the last second (partial) are left out. No regimes when the slow level is within
 * 10% of the fast one or holds fewer than 2 seconds: then the run has one level, its mean.
 *
 * @param fastTps  the full-speed capacity, transactions per second
 * @param slowTps  the slow level (equal to fastTps when there is one level)
 * @param fastMeanS mean dwell at the fast level, seconds (0 with one level)
 * @param slowMeanS mean dwell at the slow level, seconds
 * @param seconds  seconds used
 * @param slowShare share of the seconds at the slow level
 */
public record RegimeFit(double fastTps, double slowTps, double fastMeanS, double slowMeanS, int seconds,
                        double slowShare) {
    /** Below this ratio of slow to fast level the two levels are told apart. */
    static final double DISTINCT = 0.9;

    /** The mean throughput over the seconds used. */
    public double meanTps() {
        return fastTps * (1 - slowShare) + slowTps * slowShare;
    }

    /** True when two levels were found. */
    public boolean twoLevels() {
        return slowTps < fastTps;
    }

    /** The levels in {@code perSecond} (transactions per second). */
    public static RegimeFit fit(long[] perSecond) throws BadLogException {
        if (perSecond.length < 5) {
            throw new BadLogException("a capacity log needs at least 5 seconds of throughput, has "
                    + perSecond.length);
        }
        double[] x = Arrays.stream(perSecond, 1, perSecond.length - 1).asDoubleStream().toArray();
        double mean = Arrays.stream(x).average().orElseThrow();
        double lo = Arrays.stream(x).min().orElseThrow();
        double hi = Arrays.stream(x).max().orElseThrow();
        boolean[] slow = new boolean[x.length];
        for (int iteration = 0; iteration < 100 && hi > lo; iteration++) {
            double cut = (lo + hi) / 2;
            double sumLo = 0;
            double sumHi = 0;
            int nLo = 0;
            for (int i = 0; i < x.length; i++) {
                slow[i] = x[i] < cut;
                if (slow[i]) {
                    sumLo += x[i];
                    nLo++;
                } else {
                    sumHi += x[i];
                }
            }
            double newLo = nLo == 0 ? lo : sumLo / nLo;
            double newHi = nLo == x.length ? hi : sumHi / (x.length - nLo);
            if (newLo == lo && newHi == hi) {
                break;
            }
            lo = newLo;
            hi = newHi;
        }
        int nSlow = 0;
        for (boolean b : slow) {
            nSlow += b ? 1 : 0;
        }
        if (!(lo < DISTINCT * hi) || nSlow < 2 || nSlow > x.length - 2) {
            return new RegimeFit(mean, mean, 0, 0, x.length, 0);
        }
        return new RegimeFit(hi, lo, meanRun(slow, false), meanRun(slow, true), x.length, nSlow / (double) x.length);
    }

    /** Mean length in seconds of the runs of {@code value} in {@code slow}. */
    private static double meanRun(boolean[] slow, boolean value) {
        int runs = 0;
        int total = 0;
        for (int i = 0; i < slow.length; i++) {
            if (slow[i] == value) {
                total++;
                if (i == 0 || slow[i - 1] != value) {
                    runs++;
                }
            }
        }
        return total / (double) runs;
    }

    /** The fit as capacity regimes, or empty with one level. */
    public Optional<double[][]> levels() {
        if (!twoLevels()) {
            return Optional.empty();
        }
        return Optional.of(new double[][] {{1.0, fastMeanS}, {slowTps / fastTps, slowMeanS}});
    }
}
