package capsim.engine.dist;

import capsim.engine.random.RandomStream;

/** Exponential distribution with the given mean (inversion: -mean * ln U). */
public record Exponential(double mean) implements Distribution {
    public Exponential {
        Require.positive("exponential mean", mean);
    }

    @Override
    public double sample(RandomStream rng) {
        return rng.nextExponential(mean);
    }

    @Override
    public double variance() {
        return mean * mean;
    }

    @Override
    public Distribution scaled(double factor) {
        return new Exponential(mean * Require.factor(factor));
    }
}
