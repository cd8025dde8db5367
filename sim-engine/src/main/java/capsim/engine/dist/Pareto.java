package capsim.engine.dist;

import capsim.engine.random.RandomStream;

/**
 * Pareto type I distribution with minimum xm and tail index alpha: P(X > x) = (xm / x)^alpha for
 * x >= xm, sampled by inversion xm U^(-1/alpha). Mean alpha xm / (alpha - 1) (alpha > 1);
 * variance xm^2 alpha / ((alpha - 1)^2 (alpha - 2)) for alpha > 2, infinite otherwise. Given a
 * cv, alpha solves cv^2 = 1 / (alpha (alpha - 2)): alpha = 1 + sqrt(1 + 1/cv^2) (always > 2).
 */
public final class Pareto implements Distribution {
    private final double mean;
    private final double alpha;
    private final double xm;
    private final double negativeInverseAlpha;

    private Pareto(double mean, double alpha) {
        this.mean = Require.positive("pareto mean", mean);
        this.alpha = Require.above("pareto alpha", alpha, 1);
        this.xm = mean * (alpha - 1) / alpha;
        this.negativeInverseAlpha = -1 / alpha;
    }

    /** The Pareto with this mean (> 0) and tail index alpha (> 1, so that the mean exists). */
    public static Pareto ofMeanAlpha(double mean, double alpha) {
        return new Pareto(mean, alpha);
    }

    /** The Pareto with this mean and (finite) coefficient of variation, both > 0. */
    public static Pareto ofMeanCv(double mean, double cv) {
        Require.positive("pareto cv", cv);
        return new Pareto(mean, 1 + Math.sqrt(1 + 1 / (cv * cv)));
    }

    /** Tail index alpha. */
    public double alpha() {
        return alpha;
    }

    /** Minimum value xm = mean (alpha - 1) / alpha. */
    public double xm() {
        return xm;
    }

    /** The q-quantile xm (1 - q)^(-1/alpha), 0 <= q < 1. */
    public double quantile(double q) {
        if (!(q >= 0 && q < 1)) {
            throw new IllegalArgumentException("pareto quantile q must be in [0, 1), was " + q);
        }
        return xm * Math.pow(1 - q, negativeInverseAlpha);
    }

    @Override
    public double sample(RandomStream rng) {
        return xm * Math.pow(rng.nextOpenDouble(), negativeInverseAlpha);
    }

    @Override
    public double mean() {
        return mean;
    }

    @Override
    public double variance() {
        if (alpha <= 2) {
            return Double.POSITIVE_INFINITY;
        }
        return xm * xm * alpha / ((alpha - 1) * (alpha - 1) * (alpha - 2));
    }

    @Override
    public Distribution scaled(double factor) {
        return new Pareto(mean * Require.factor(factor), alpha);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pareto other && Double.compare(mean, other.mean) == 0
                && Double.compare(alpha, other.alpha) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * Double.hashCode(mean) + Double.hashCode(alpha);
    }

    @Override
    public String toString() {
        return "Pareto[mean=" + mean + ", alpha=" + alpha + "]";
    }
}
