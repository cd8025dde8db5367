package capsim.experiments.calibrate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Capacity levels from an unthrottled run's throughput per second. The first and the last second
 * are left out (the first is partial: the connections start within it; the last may be cut short).
 *
 * <p>Levels: 1-D k-means (the optimal split of the sorted seconds, see {@link #kMeans}) for k = 3, 2, 1;
 * the largest k whose levels can be told apart second by second is kept. The per-second noise of a
 * steady level is sigma = 1.4826 median|x(t+1) - x(t)| / sqrt(2) (consecutive differences, so the
 * rare changes of level hardly move it). Two neighbouring levels are apart when they differ by at
 * least {@value #SEPARATION} sigma (a second then lands on the wrong side of their midpoint with
 * probability Phi(-2) = 2.3% at most) and by at least 10% of the faster one (a smaller change of
 * speed hardly moves a latency), and each level holds at least 2 seconds. At most
 * {@value #MAX_LEVELS} levels: a level's dwell needs several stretches to estimate, and a few
 * minutes of throughput hold a few dozen.
 *
 * <p>Dwell: each level's stretches of consecutive seconds; its mean dwell is the exponential
 * maximum-likelihood estimate under right-censoring, the level's seconds over the stretches that
 * ended within the run (the last stretch is cut by the run's end, not by a change of level; the
 * first is complete, the dwell being memoryless). A level whose only stretch is the last one gets
 * its seconds (a lower bound).
 *
 * <p>Order: capsim visits regimes cyclically in the order listed. Two levels alternate; with three,
 * the list is the run's own sequence of stretches (each at its level's speed and mean dwell), so
 * every level is visited as often as in the run and holds its share of the time.
 *
 * @param levelsTps  the levels, fastest first (one entry: the run's mean)
 * @param meanS      mean dwell at each level, seconds (0 with one level)
 * @param share      share of the seconds at each level
 * @param sequence   the levels (indices into levelsTps) in the order they are visited, cyclically
 * @param seconds    seconds used
 * @param stretches  stretches of consecutive seconds at one level
 * @param noiseTps   the per-second noise sigma
 */
public record RegimeFit(double[] levelsTps, double[] meanS, double[] share, int[] sequence, int seconds,
                        int stretches, double noiseTps) {
    /** Below this ratio of a slower to a faster level the two are told apart (with {@link #SEPARATION}). */
    static final double DISTINCT = 0.9;
    /** Noise sigmas between neighbouring levels. */
    static final double SEPARATION = 4;
    static final int MAX_LEVELS = 3;
    /** Most values the exact split reads (it takes O(k n^2)); Lloyd's iterations then use them all. */
    static final int EXACT_POINTS = 3000;

    /** The full-speed capacity (the fastest level), transactions per second. */
    public double fastTps() {
        return levelsTps[0];
    }

    /** The mean throughput over the seconds used. */
    public double meanTps() {
        double m = 0;
        for (int i = 0; i < levelsTps.length; i++) {
            m += levelsTps[i] * share[i];
        }
        return m;
    }

    /** True when more than one level was found. */
    public boolean twoLevels() {
        return levelsTps.length > 1;
    }

    /** The levels of {@code perSecond} (transactions per second). */
    public static RegimeFit fit(long[] perSecond) throws BadLogException {
        if (perSecond.length < 5) {
            throw new BadLogException("a capacity log needs at least 5 seconds of throughput, has "
                    + perSecond.length);
        }
        double[] x = Arrays.stream(perSecond, 1, perSecond.length - 1).asDoubleStream().toArray();
        double noise = noise(x);
        for (int k = Math.min(MAX_LEVELS, x.length / 2); k >= 2; k--) {
            double[] centres = kMeans(x, k);
            int[] label = label(x, centres);
            if (apart(centres, label, noise)) {
                return of(x, centres, label, noise);
            }
        }
        double mean = Arrays.stream(x).average().orElseThrow();
        return new RegimeFit(new double[] {mean}, new double[] {0}, new double[] {1}, new int[] {0}, x.length, 1,
                noise);
    }

    /** sigma of a steady level: 1.4826 median|x(t+1) - x(t)| / sqrt(2). */
    static double noise(double[] x) {
        double[] d = new double[x.length - 1];
        for (int i = 0; i < d.length; i++) {
            d[i] = Math.abs(x[i + 1] - x[i]);
        }
        Arrays.sort(d);
        double median = d.length % 2 == 1 ? d[d.length / 2] : (d[d.length / 2 - 1] + d[d.length / 2]) / 2;
        return 1.4826 * median / Math.sqrt(2);
    }

    /**
     * The k centres of x, fastest first: the optimal split of the sorted values into k runs (dynamic
     * programming over the within-run sums of squares, O(k n^2)), on at most {@value #EXACT_POINTS}
     * evenly spaced order statistics, then Lloyd's iterations over every value.
     */
    static double[] kMeans(double[] x, int k) {
        double[] sorted = x.clone();
        Arrays.sort(sorted);
        double[] c = optimalSplit(Calibration.thinned(sorted, EXACT_POINTS), k);
        for (int iteration = 0; iteration < 200; iteration++) {
            double[] sum = new double[k];
            int[] n = new int[k];
            for (double v : sorted) {
                int j = nearest(c, v);
                sum[j] += v;
                n[j]++;
            }
            double[] next = new double[k];
            for (int j = 0; j < k; j++) {
                next[j] = n[j] == 0 ? c[j] : sum[j] / n[j];
            }
            if (Arrays.equals(next, c)) {
                break;
            }
            c = next;
        }
        Arrays.sort(c);
        for (int j = 0; j < k / 2; j++) { // fastest first
            double t = c[j];
            c[j] = c[k - 1 - j];
            c[k - 1 - j] = t;
        }
        return c;
    }

    /** The means of the k runs of ascending {@code s} with the least total within-run sum of squares. */
    private static double[] optimalSplit(double[] s, int k) {
        int n = s.length;
        double[] sum = new double[n + 1];
        double[] sum2 = new double[n + 1];
        for (int i = 0; i < n; i++) {
            sum[i + 1] = sum[i] + s[i];
            sum2[i + 1] = sum2[i] + s[i] * s[i];
        }
        double[][] cost = new double[k + 1][n + 1];
        int[][] from = new int[k + 1][n + 1];
        for (double[] row : cost) {
            Arrays.fill(row, Double.POSITIVE_INFINITY);
        }
        cost[0][0] = 0;
        for (int c = 1; c <= k; c++) {
            for (int j = c; j <= n; j++) {
                for (int i = c - 1; i < j; i++) {
                    double m = sum[j] - sum[i];
                    double v = cost[c - 1][i] + sum2[j] - sum2[i] - m * m / (j - i);
                    if (v < cost[c][j]) {
                        cost[c][j] = v;
                        from[c][j] = i;
                    }
                }
            }
        }
        double[] centres = new double[k];
        for (int c = k, j = n; c >= 1; c--) {
            int i = from[c][j];
            centres[c - 1] = (sum[j] - sum[i]) / (j - i);
            j = i;
        }
        return centres;
    }

    private static int nearest(double[] c, double v) {
        int best = 0;
        for (int j = 1; j < c.length; j++) {
            if (Math.abs(v - c[j]) < Math.abs(v - c[best])) {
                best = j;
            }
        }
        return best;
    }

    private static int[] label(double[] x, double[] centres) {
        int[] label = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            label[i] = nearest(centres, x[i]);
        }
        return label;
    }

    private static boolean apart(double[] c, int[] label, double noise) {
        int[] n = new int[c.length];
        for (int l : label) {
            n[l]++;
        }
        for (int j = 0; j < c.length; j++) {
            if (n[j] < 2) {
                return false;
            }
            if (j > 0 && !(c[j] < DISTINCT * c[j - 1] && c[j - 1] - c[j] >= SEPARATION * noise)) {
                return false;
            }
        }
        return true;
    }

    private static RegimeFit of(double[] x, double[] centres, int[] label, double noise) {
        int k = centres.length;
        double[] sum = new double[k];
        int[] secondsAt = new int[k];
        int[] ended = new int[k];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            sum[label[i]] += x[i];
            secondsAt[label[i]]++;
            if (i == 0 || label[i] != label[i - 1]) {
                order.add(label[i]);
            }
            if (i + 1 < x.length && label[i + 1] != label[i]) {
                ended[label[i]]++;
            }
        }
        double[] level = new double[k];
        double[] meanS = new double[k];
        double[] share = new double[k];
        for (int j = 0; j < k; j++) {
            level[j] = sum[j] / secondsAt[j];
            meanS[j] = secondsAt[j] / (double) Math.max(1, ended[j]);
            share[j] = secondsAt[j] / (double) x.length;
        }
        int stretches = order.size();
        if (order.size() > 1 && order.get(0).equals(order.get(order.size() - 1))) {
            order.remove(order.size() - 1); // the last stretch joins the first when the cycle closes
        }
        int[] sequence = k == 2 ? new int[] {0, 1} : order.stream().mapToInt(Integer::intValue).toArray();
        return new RegimeFit(level, meanS, share, sequence, x.length, stretches, noise);
    }
}
