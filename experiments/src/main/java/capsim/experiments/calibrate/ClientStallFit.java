package capsim.experiments.calibrate;

import capsim.engine.dist.Gamma;
import capsim.engine.dist.LogNormal;
import capsim.engine.dist.Weibull;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.WeibullDistribution;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * The client's stalls, from a low-load run's schedule lags (pgbench with {@code --rate} logs how
 * late the client sent each transaction). A transaction is due at a time the client cannot see
 * coming (Poisson), so it falls in a stall of the client with the stalled probability p and is
 * then sent at the stall's end, late by the stall's residual R, whose density is
 * P(D > x) / E[D] for stall lengths D. The lag beyond the median lag (the client's usual delay)
 * is that residual; below {@value #TAIL_MS} ms it cannot be told from the client's own jitter, so
 * the fit reads the excesses e beyond it: for each of lognormal, gamma and Weibull, the (mean, cv)
 * of D that maximise the truncated likelihood sum ln P(D > e) - n ln E[(D - x0)+] (E[D] cancels),
 * by Nelder-Mead; the largest likelihood wins. Then P(e > x0) = p E[(D - x0)+] / E[D] gives p, and
 * the stall rate while up r = p / ((1 - p) E[D]), as for a node's stalls.
 *
 * @param dist         family of the stall length
 * @param meanMs       mean stall length
 * @param cv           its coefficient of variation
 * @param ratePerS     stalls per second while the client is up
 * @param stalledShare p, the share of the time the client is stalled
 * @param baseLagMs    the median lag (the client's usual delay, part of the overhead)
 * @param tail         transactions whose lag exceeds the median by more than {@value #TAIL_MS} ms
 * @param tailShare    their share of the log
 * @param others       the other families' fits, by likelihood
 */
public record ClientStallFit(String dist, double meanMs, double cv, double ratePerS, double stalledShare,
                             double baseLagMs, int tail, double tailShare, double logLikelihood,
                             List<ClientStallFit> others) {
    /** Lag beyond the median, ms, from which a transaction counts as sent late by a stall. */
    public static final double TAIL_MS = 0.5;
    /** Fewest late transactions to fit from. */
    static final int MIN_TAIL = 30;
    /** Most late transactions the likelihood reads. */
    static final int FIT_POINTS = 5_000;
    /** A reply received this close (ms) to a stall's end is read as held by the stall. */
    static final double RESUME_MS = 0.3;

    /** The client stalls of {@code low} (after its start-up), when it gives lags and has a late tail. */
    public static Optional<ClientStallFit> fit(TxLog low) {
        if (!low.hasLag()) {
            return Optional.empty();
        }
        double[] lag = low.lagMs().clone();
        Arrays.sort(lag);
        double base = StallFit.quantile(lag, 0.5);
        double[] e = Arrays.stream(lag).map(g -> g - base).filter(x -> x > TAIL_MS).toArray();
        if (e.length < MIN_TAIL) {
            return Optional.empty();
        }
        double share = e.length / (double) lag.length;
        // at most FIT_POINTS of the (ascending) excesses, evenly by rank: a million-line log fits in seconds
        double[] fitted = Calibration.thinned(e, FIT_POINTS);
        List<ClientStallFit> fits = new ArrayList<>();
        for (String family : List.of("lognormal", "gamma", "weibull")) {
            fits.add(fitFamily(family, fitted, e.length, base, share));
        }
        fits.sort(Comparator.comparingDouble((ClientStallFit f) -> -f.logLikelihood()));
        ClientStallFit best = fits.get(0);
        return Optional.of(new ClientStallFit(best.dist, best.meanMs, best.cv, best.ratePerS, best.stalledShare,
                base, best.tail, share, best.logLikelihood, List.copyOf(fits.subList(1, fits.size()))));
    }

    private static ClientStallFit fitFamily(String family, double[] e, int tail, double base, double share) {
        double meanE = Arrays.stream(e).average().orElseThrow();
        SimplexOptimizer opt = new SimplexOptimizer(1e-9, 1e-9);
        PointValuePair best = opt.optimize(new MaxEval(4000), GoalType.MAXIMIZE,
                new ObjectiveFunction(p -> likelihood(family, Math.exp(p[0]), Math.exp(p[1]), e)),
                new InitialGuess(new double[] {Math.log(meanE), Math.log(0.7)}),
                new NelderMeadSimplex(new double[] {0.3, 0.3}));
        double mean = Math.exp(best.getPoint()[0]);
        double cv = Math.exp(best.getPoint()[1]);
        RealDistribution d = of(family, mean, cv);
        double p = Math.min(0.5, share * mean / excessBeyond(d, TAIL_MS));
        return new ClientStallFit(family, mean, cv, p / ((1 - p) * mean / 1000), p, base, tail, share,
                best.getValue(), List.of());
    }

    /** The truncated log-likelihood of residual excesses {@code e} beyond {@link #TAIL_MS}. */
    private static double likelihood(String family, double mean, double cv, double[] e) {
        if (!(cv > 0.05 && cv < 10 && mean > 1e-3 && mean < 1e4)) {
            return Double.NEGATIVE_INFINITY;
        }
        RealDistribution d = of(family, mean, cv);
        double sum = 0;
        for (double x : e) {
            sum += Math.log(Math.max(1e-300, 1 - d.cumulativeProbability(x)));
        }
        return sum - e.length * Math.log(excessBeyond(d, TAIL_MS));
    }

    /** E[(D - x0)+] = E[D] - the integral of P(D > u) over [0, x0] (Simpson, 200 steps). */
    static double excessBeyond(RealDistribution d, double x0) {
        int steps = 200;
        double h = x0 / steps;
        double s = 0;
        for (int i = 0; i <= steps; i++) {
            double w = i == 0 || i == steps ? 1 : i % 2 == 1 ? 4 : 2;
            s += w * (1 - d.cumulativeProbability(i * h));
        }
        return Math.max(1e-12, d.getNumericalMean() - s * h / 3);
    }

    /**
     * The distribution {@code family} with {@code mean} and {@code cv}, as capsim's DIST keys mean
     * them: the parameters of the engine's own distribution of that mean and cv.
     */
    static RealDistribution of(String family, double mean, double cv) {
        return switch (family) {
            case "lognormal" -> {
                LogNormal d = LogNormal.ofMeanCv(mean, cv);
                yield new LogNormalDistribution(null, d.mu(), d.sigma());
            }
            case "gamma" -> {
                Gamma d = Gamma.ofMeanCv(mean, cv);
                yield new GammaDistribution(null, d.shape(), d.scale());
            }
            case "weibull" -> {
                Weibull d = Weibull.ofMeanCv(mean, cv);
                yield new WeibullDistribution(null, d.shape(), d.scale());
            }
            default -> throw new IllegalArgumentException(family);
        };
    }

    /**
     * Which transactions of {@code low} a client stall touched: sent late (lag beyond the median by
     * more than {@link #TAIL_MS}), or received within {@link #RESUME_MS} of the moment the client
     * resumed and sent a late one. Stalls that no transaction fell in are not seen, so some
     * replies they held stay unmarked.
     */
    public boolean[] touched(TxLog low) {
        int n = low.size();
        boolean[] out = new boolean[n];
        double[] resume = new double[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (low.lagMs()[i] - baseLagMs > TAIL_MS) {
                out[i] = true;
                resume[m++] = low.startS()[i] + low.lagMs()[i] / 1000;
            }
        }
        double[] r = Arrays.copyOf(resume, m);
        Arrays.sort(r);
        for (int i = 0; i < n && m > 0; i++) {
            double end = low.startS()[i] + low.latencyMs()[i] / 1000;
            int k = Arrays.binarySearch(r, end);
            int j = k >= 0 ? k : -k - 1;
            boolean near = j < m && r[j] - end <= RESUME_MS / 1000 || j > 0 && end - r[j - 1] <= RESUME_MS / 1000;
            out[i] |= near;
        }
        return out;
    }
}
