package capsim.engine.dist;

import capsim.engine.random.RandomStream;

/**
 * Lognormal distribution given by its mean and coefficient of variation: exp(mu + sigma Z) with
 * Z standard normal, sigma^2 = ln(1 + cv^2) and mu = ln(mean) - sigma^2 / 2 (the moment match of
 * Law, "Simulation Modeling and Analysis", 5th ed., section 6.2.2).
 */
public final class LogNormal extends MeanCvDistribution {
    private final double mu;
    private final double sigma;

    private LogNormal(double mean, double cv) {
        super("lognormal", mean, cv);
        double sigma2 = Math.log1p(cv * cv);
        this.sigma = Math.sqrt(sigma2);
        this.mu = Math.log(mean) - sigma2 / 2;
    }

    /** The lognormal with this mean and coefficient of variation (both > 0). */
    public static LogNormal ofMeanCv(double mean, double cv) {
        return new LogNormal(mean, cv);
    }

    /** Location of the underlying normal, ln(mean) - sigma^2 / 2. */
    public double mu() {
        return mu;
    }

    /** Scale of the underlying normal, sqrt(ln(1 + cv^2)). */
    public double sigma() {
        return sigma;
    }

    @Override
    public double sample(RandomStream rng) {
        return Math.exp(mu + sigma * rng.nextGaussian());
    }

    @Override
    public Distribution scaled(double factor) {
        return new LogNormal(mean() * Require.factor(factor), cv());
    }
}
