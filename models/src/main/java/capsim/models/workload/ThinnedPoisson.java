package capsim.models.workload;

import capsim.engine.random.RandomStream;

/**
 * A non-homogeneous Poisson process by thinning (Lewis and Shedler, "Simulation of
 * nonhomogeneous Poisson processes by thinning", 1979): candidates arrive at the bound rate
 * and each is kept with probability rate(t) / bound. A constant rate keeps every candidate and
 * draws no acceptance number.
 */
public final class ThinnedPoisson implements ArrivalProcess {
    private final RateFunction rate;
    private final RandomStream rng;
    private final double boundMeanGapS;
    private final double bound;
    private final boolean constant;

    public ThinnedPoisson(RateFunction rate, boolean constant, RandomStream rng) {
        this.rate = rate;
        this.rng = rng;
        this.bound = rate.maxPerS();
        this.boundMeanGapS = 1.0 / bound;
        this.constant = constant;
    }

    @Override
    public double next(double nowS) {
        if (!(bound > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        double t = nowS;
        while (true) {
            t += rng.nextExponential(boundMeanGapS);
            if (constant || rng.nextDouble() * bound < rate.ratePerS(t)) {
                return t;
            }
        }
    }
}
