package capsim.engine.dist;

import capsim.engine.random.RandomStream;

/**
 * Gamma distribution given by its mean and coefficient of variation: shape k = 1/cv^2, scale
 * theta = mean/k. Sampled with Marsaglia and Tsang, "A simple method for generating gamma
 * variables", ACM TOMS 26(3), 2000: d = k - 1/3, c = 1/sqrt(9d), v = (1 + cZ)^3, accept d v
 * by the squeeze U < 1 - 0.0331 Z^4 or by ln U < Z^2/2 + d(1 - v + ln v). For k < 1 it samples
 * shape k + 1 and multiplies by U^(1/k) (the boost of the same paper, section 6).
 */
public final class Gamma extends MeanCvDistribution {
    private final double shape;
    private final double scale;
    private final double d;
    private final double c;
    private final boolean boost;
    private final double inverseShape;

    private Gamma(double mean, double cv) {
        super("gamma", mean, cv);
        this.shape = 1 / (cv * cv);
        this.scale = mean / shape;
        this.boost = shape < 1;
        this.d = (boost ? shape + 1 : shape) - 1.0 / 3;
        this.c = 1 / Math.sqrt(9 * d);
        this.inverseShape = 1 / shape;
    }

    /** The gamma with this mean and coefficient of variation (both > 0). */
    public static Gamma ofMeanCv(double mean, double cv) {
        return new Gamma(mean, cv);
    }

    /** Shape k = 1 / cv^2. */
    public double shape() {
        return shape;
    }

    /** Scale theta = mean / k. */
    public double scale() {
        return scale;
    }

    @Override
    public double sample(RandomStream rng) {
        double g = standardGamma(rng);
        if (boost) {
            g *= Math.pow(rng.nextOpenDouble(), inverseShape);
        }
        return g * scale;
    }

    /** A Gamma(d + 1/3, 1) variate by Marsaglia-Tsang rejection. */
    private double standardGamma(RandomStream rng) {
        while (true) {
            double x;
            double v;
            do {
                x = rng.nextGaussian();
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = rng.nextOpenDouble();
            double x2 = x * x;
            if (u < 1 - 0.0331 * x2 * x2 || Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }

    @Override
    public Distribution scaled(double factor) {
        return new Gamma(mean() * Require.factor(factor), cv());
    }
}
