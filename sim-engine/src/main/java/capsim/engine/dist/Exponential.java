package capsim.engine.dist;

import capsim.engine.random.RandomStream;

/** Exponential distribution with the given mean (inversion: -mean * ln U). */
public record Exponential(double mean) implements Distribution {
    public Exponential {
        if (!(mean > 0) || Double.isInfinite(mean)) {
            throw new IllegalArgumentException("exponential mean must be > 0, was " + mean);
        }
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
        return new Exponential(mean * factor);
    }
}
