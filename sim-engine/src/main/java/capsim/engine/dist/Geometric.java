package capsim.engine.dist;

import capsim.engine.random.RandomStream;

/**
 * Geometric distribution on {1, 2, ...} (the number of trials up to and including the first
 * success) with success probability p = 1/mean: P(N = n) = (1-p)^(n-1) p, variance (1-p)/p^2.
 * Sampled by inversion, N = floor(ln U / ln(1-p)) + 1 with U on (0, 1] (equal almost surely to
 * ceil(ln U / ln(1-p)), and never 0); for mean 1, 1/ln(1-p) = -0 and every sample is 1.
 * {@link #scaled} multiplies every value by a unit, so scaled copies count in steps of that unit.
 */
public final class Geometric implements Distribution {
    private final double trialsMean;
    private final double unit;
    private final double p;
    private final double inverseLogQ;

    /** The geometric on {1, 2, ...} with this mean (>= 1). */
    public Geometric(double mean) {
        this(mean, 1);
    }

    private Geometric(double trialsMean, double unit) {
        this.trialsMean = Require.atLeast("geometric mean", trialsMean, 1);
        this.unit = unit;
        this.p = 1 / trialsMean;
        this.inverseLogQ = 1 / Math.log1p(-p);
    }

    /** Success probability p = 1/mean. */
    public double p() {
        return p;
    }

    @Override
    public double sample(RandomStream rng) {
        return unit * (Math.floor(Math.log(rng.nextOpenDouble()) * inverseLogQ) + 1);
    }

    @Override
    public double mean() {
        return unit * trialsMean;
    }

    @Override
    public double variance() {
        return unit * unit * (1 - p) / (p * p);
    }

    @Override
    public boolean integerValued() {
        return unit == Math.rint(unit);
    }

    @Override
    public Distribution scaled(double factor) {
        return new Geometric(trialsMean, unit * Require.factor(factor));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Geometric other && Double.compare(trialsMean, other.trialsMean) == 0
                && Double.compare(unit, other.unit) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(trialsMean) + Double.hashCode(unit);
    }

    @Override
    public String toString() {
        return unit == 1 ? "Geometric[mean=" + trialsMean + "]" : "Geometric[mean=" + trialsMean + ", unit=" + unit + "]";
    }
}
