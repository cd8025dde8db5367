package capsim.models.workload;

import capsim.engine.random.RandomStream;

/**
 * A two-state Markov-modulated Poisson process (Fischer and Meier-Hellstern, "The MMPP
 * cookbook", 1993), thinned by a rate profile. In the burst state arrivals come at
 * {@code highFactor} times the calm rate; bursts last exponential times of mean
 * {@code meanHighS} and take a long-run share {@code highShare} of time, so calm periods have
 * mean meanHighS (1 - share) / share. The calm rate is set so that the long-run mean rate is
 * the class's rate: calm = rate / (1 - share + share x highFactor).
 *
 * <p>Between events the process is memoryless: from the current state with arrival rate r and
 * leaving rate q, the next event comes after Exp(r + q) and is an arrival with probability
 * r / (r + q).
 */
public final class Mmpp2 implements ArrivalProcess {
    private final RateFunction profile;
    private final RandomStream rng;
    private final double calmRate;
    private final double highRate;
    private final double leaveHigh;
    private final double leaveCalm;
    private final double profileBound;
    private boolean high;

    /** {@code profile} gives the class's mean rate over time (rate_per_s x profile). */
    public Mmpp2(RateFunction profile, double highFactor, double highShare, double meanHighS, RandomStream rng) {
        this.profile = profile;
        this.rng = rng;
        this.profileBound = profile.maxPerS();
        this.calmRate = profileBound / (1 - highShare + highShare * highFactor);
        this.highRate = calmRate * highFactor;
        this.leaveHigh = 1.0 / meanHighS;
        this.leaveCalm = highShare >= 1 ? 0 : 1.0 / (meanHighS * (1 - highShare) / highShare);
        // start in the stationary distribution
        this.high = rng.nextDouble() < highShare;
    }

    @Override
    public double next(double nowS) {
        if (!(profileBound > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        double t = nowS;
        while (true) {
            double r = high ? highRate : calmRate;
            double q = high ? leaveHigh : leaveCalm;
            t += rng.nextExponential(1.0 / (r + q));
            if (rng.nextDouble() * (r + q) < q) {
                high = !high;
                continue;
            }
            // an arrival of the modulated process at the profile's peak; thin by the profile
            if (rng.nextDouble() * profileBound < profile.ratePerS(t)) {
                return t;
            }
        }
    }
}
