package capsim.experiments.calibrate;

import java.util.Arrays;
import java.util.Optional;

/**
 * The wake-up of an idle server, from a low-load run: a transaction that finds the server idle
 * (it starts after every earlier one has ended) takes longer the longer the server was idle
 * before it. Over those lone transactions, latency = base + W (1 - e^{-g / tau}) for the idle
 * time g, fitted by least squares (latencies capped at the Tukey fence, so the tail does not
 * steer it) with tau on a log grid from 50 us to 2 s and base, W linear given tau. The wake-up's
 * distribution is then read off the lone transactions that were idle long enough to be at
 * least half cold (or the {@value #COLDEST} coldest, when fewer were): (latency - base) /
 * (1 - e^{-g / tau}), floored at 0, as 100 evenly spaced quantiles (its tail is the low-load tail). A wake-up is only reported when the trend is
 * plain: W at least {@value #MIN_T} standard errors above 0 and tau inside the grid.
 *
 * @param baseMs      latency of a lone transaction after no idle time
 * @param idleScaleMs tau
 * @param slopeMs     W (latencies capped at the fence)
 * @param slopeT      W over its standard error
 * @param quantilesMs the wake-up's distribution after a long idle time
 * @param lone        lone transactions used
 * @param cold        of which the coldest, read for the duration
 */
public record WakeUpFit(double baseMs, double idleScaleMs, double slopeMs, double slopeT, double[] quantilesMs,
                        int lone, int cold) {
    static final double MIN_T = 3;
    private static final double MIN_TAU_MS = 0.05;
    private static final double MAX_TAU_MS = 2000;
    private static final int GRID = 120;
    private static final int QUANTILES = 100;
    private static final int COLDEST = 200;
    private static final int FIT_POINTS = 50_000;

    /** The mean wake-up after a long idle time. */
    public double meanMs() {
        return Arrays.stream(quantilesMs).average().orElse(0);
    }

    /** The wake-up of {@code low}, the trend fitted to latencies capped at {@code fenceMs}, if it shows one. */
    public static Optional<WakeUpFit> fit(TxLog low, double fenceMs) {
        return fit(low, fenceMs, new boolean[low.size()]);
    }

    /**
     * As {@link #fit(TxLog, double)}, reading none of the transactions marked in {@code skip} (those
     * a client stall touched: their delay is the client's, not the server's). They still count in
     * the server's busy and idle times.
     */
    public static Optional<WakeUpFit> fit(TxLog low, double fenceMs, boolean[] skip) {
        int n = low.size();
        int[] order = low.byStart();
        double[] idleMs = new double[n];
        double[] latency = new double[n];
        int m = 0;
        double busyUntilS = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            int i = order[k];
            double start = low.startS()[i];
            double l = low.latencyMs()[i];
            if (k > 0 && start > busyUntilS && !skip[i]) {
                idleMs[m] = (start - busyUntilS) * 1000;
                latency[m] = l;
                m++;
            }
            busyUntilS = Math.max(busyUntilS, start + l / 1000);
        }
        if (m < 20) {
            return Optional.empty();
        }
        double[] g = Arrays.copyOf(idleMs, m);
        double[] gFit = g;
        double[] y = Arrays.stream(latency, 0, m).map(l -> Math.min(l, fenceMs)).toArray();
        if (m > FIT_POINTS) { // every k-th: the trend's precision is far finer than needed at this size
            int k = (m + FIT_POINTS - 1) / FIT_POINTS;
            gFit = thin(g, k);
            y = thin(y, k);
        }
        double bestSse = Double.POSITIVE_INFINITY;
        int bestK = -1;
        double[] best = null;
        for (int k = 0; k < GRID; k++) {
            double tau = MIN_TAU_MS * Math.pow(MAX_TAU_MS / MIN_TAU_MS, k / (GRID - 1.0));
            double[] fit = line(gFit, y, tau);
            if (fit != null && fit[2] < bestSse) {
                bestSse = fit[2];
                bestK = k;
                best = fit;
            }
        }
        if (best == null || bestK == 0 || bestK == GRID - 1 || !(best[1] > MIN_T * best[3])) {
            return Optional.empty();
        }
        double tau = MIN_TAU_MS * Math.pow(MAX_TAU_MS / MIN_TAU_MS, bestK / (GRID - 1.0));
        double base = best[0];
        // the coldest lone transactions: those at least half cold, or the coldest COLDEST if fewer
        double[] cold = new double[m];
        for (int i = 0; i < m; i++) {
            cold[i] = -Math.expm1(-g[i] / tau);
        }
        double[] byCold = cold.clone();
        Arrays.sort(byCold);
        double threshold = Math.min(0.5, byCold[Math.max(0, m - COLDEST)]);
        double[] excess = new double[m];
        int e = 0;
        for (int i = 0; i < m; i++) {
            if (cold[i] >= threshold && cold[i] > 0) {
                excess[e++] = Math.max(0, (latency[i] - base) / cold[i]);
            }
        }
        double[] sorted = Arrays.copyOf(excess, e);
        Arrays.sort(sorted);
        double[] q = new double[QUANTILES];
        for (int i = 0; i < QUANTILES; i++) {
            q[i] = sorted[(int) ((i + 0.5) * e / QUANTILES)];
        }
        return Optional.of(new WakeUpFit(base, tau, best[1], best[1] / best[3], q, m, e));
    }

    private static double[] thin(double[] x, int k) {
        double[] out = new double[(x.length + k - 1) / k];
        for (int i = 0; i < out.length; i++) {
            out[i] = x[i * k];
        }
        return out;
    }

    /** Least squares of y on 1 - e^{-g / tau}: {intercept, slope, sse, slope's standard error}, or null. */
    private static double[] line(double[] g, double[] y, double tau) {
        int n = g.length;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            double x = -Math.expm1(-g[i] / tau);
            sx += x;
            sy += y[i];
            sxx += x * x;
            sxy += x * y[i];
        }
        double sxxc = sxx - sx * sx / n;
        if (!(sxxc > 1e-12 * n)) {
            return null;
        }
        double slope = (sxy - sx * sy / n) / sxxc;
        double intercept = (sy - slope * sx) / n;
        double sse = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - intercept - slope * -Math.expm1(-g[i] / tau);
            sse += r * r;
        }
        double se = Math.sqrt(sse / (n - 2) / sxxc);
        return new double[] {intercept, slope, sse, se};
    }
}
