package capsim.experiments.calibrate;

import java.util.Optional;

/**
 * The server's demand at low load, from the busy periods of pairs of overlapping transactions in
 * a low-load run, against its demand at capacity (1 / capacity): a server that takes longer per
 * transaction when it is mostly idle (a CPU clocked down, caches gone cold) than when it is
 * saturated.
 *
 * <p>A lone transaction A (it starts after every earlier one has ended) with latency L_A^0 on its
 * own, joined by a second one B before it ends and by no third before both have ended, keeps the
 * server busy for the sum of their demands: whatever the order of service (first come first
 * served, or the processor sharing of a core), the pair ends at A's start + L_A^0 + S_B. So the
 * mean of (the pair's end - A's start) over such pairs, less the mean L^0 of a lone transaction,
 * is the mean demand S of one. Two corrections make the means comparable, for Poisson arrivals
 * at rate lambda: a second transaction joins A with probability 1 - e^{-lambda L_A^0}, so the
 * pairs hold the longer lone latencies more often and the lone latencies are averaged with that
 * weight; and no third one joins with probability e^{-lambda (end - B's start)}, so each pair is
 * weighted by its inverse. The standard error adds the two weighted means' variances.
 *
 * <p>The load dependence is only read where the server is most of a lone transaction's latency
 * ({@link Calibration}: its fastest latencies contain the demand at capacity). Where they do not,
 * the client's and the network's own work per transaction is of the same order, and a pair is
 * served one after the other by the client as much as by the server.
 *
 * @param demandMs   the mean demand at low load
 * @param seMs       its standard error
 * @param pairs      pairs read
 * @param lone       lone transactions read
 * @param utilisation the server's utilisation in the low-load run: its rate x {@code demandMs}
 */
public record LoadFit(double demandMs, double seMs, int pairs, int lone, double utilisation) {
    /** The fewest pairs read. */
    public static final int MIN_PAIRS = 30;
    /** The low-load demand must exceed the demand at capacity by this many standard errors. */
    public static final double MIN_T = 3;
    /** The horizon of the utilisation a fitted load dependence follows, seconds (an assumption; see the fragment). */
    static final double HORIZON_S = 1;

    /**
     * The idle factor F of a demand F - (F - 1) U times {@code capacityDemandMs} that is
     * {@link #demandMs} at the low-load run's utilisation.
     */
    public double idleFactor(double capacityDemandMs) {
        return (demandMs / capacityDemandMs - utilisation) / (1 - utilisation);
    }

    /** Standard errors by which the low-load demand exceeds {@code capacityDemandMs}. */
    public double t(double capacityDemandMs) {
        return (demandMs - capacityDemandMs) / seMs;
    }

    /**
     * The low-load demand of {@code low} (after its start-up), when at least {@link #MIN_PAIRS}
     * pairs give it and it exceeds {@code capacityDemandMs} by at least {@link #MIN_T} standard
     * errors; empty otherwise.
     */
    public static Optional<LoadFit> fit(TxLog low, double capacityDemandMs) {
        int n = low.size();
        if (n < 2) {
            return Optional.empty();
        }
        double[] start = new double[n];
        double[] end = new double[n];
        int[] order = low.byStart();
        for (int k = 0; k < n; k++) {
            int i = order[k];
            start[k] = low.startS()[i];
            end[k] = low.startS()[i] + low.latencyMs()[i] / 1000;
        }
        double rate = low.ratePerS();
        double[] loneS = new double[n];
        double[] pairS = new double[n];
        double[] pairWeight = new double[n];
        int lone = 0;
        int pairs = 0;
        double busyUntilS = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < n; k++) {
            if (k > 0 && start[k] > busyUntilS) {
                loneS[lone++] = end[k] - start[k];
                if (k + 1 < n && start[k + 1] < end[k]) {
                    double last = Math.max(end[k], end[k + 1]);
                    if (k + 2 >= n || start[k + 2] > last) {
                        pairS[pairs] = last - start[k];
                        pairWeight[pairs++] = Math.exp(rate * (last - start[k + 1]));
                    }
                }
            }
            busyUntilS = Math.max(busyUntilS, end[k]);
        }
        if (pairs < MIN_PAIRS) {
            return Optional.empty();
        }
        double[] joined = new double[lone];
        for (int i = 0; i < lone; i++) {
            joined[i] = -Math.expm1(-rate * loneS[i]);
        }
        double[] pair = weighted(pairS, pairWeight, pairs);
        double[] single = weighted(loneS, joined, lone);
        double demandMs = 1000 * (pair[0] - single[0]);
        double seMs = 1000 * Math.sqrt(pair[1] + single[1]);
        LoadFit fit = new LoadFit(demandMs, seMs, pairs, lone, rate * demandMs / 1000);
        return fit.t(capacityDemandMs) >= MIN_T && fit.utilisation < 1 ? Optional.of(fit) : Optional.empty();
    }

    /** The weighted mean of the first {@code n} of {@code x} and its variance (the ratio estimator's). */
    private static double[] weighted(double[] x, double[] w, int n) {
        double sw = 0;
        double swx = 0;
        for (int i = 0; i < n; i++) {
            sw += w[i];
            swx += w[i] * x[i];
        }
        double mean = swx / sw;
        double v = 0;
        for (int i = 0; i < n; i++) {
            double d = w[i] * (x[i] - mean);
            v += d * d;
        }
        return new double[] {mean, v / (sw * sw)};
    }
}
