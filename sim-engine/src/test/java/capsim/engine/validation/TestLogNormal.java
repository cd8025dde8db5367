package capsim.engine.validation;

import capsim.engine.dist.Distribution;
import capsim.engine.random.RandomStream;

/**
 * Lognormal service times for the validation cases: exp(m + s Z), Z standard normal, with
 * s^2 = ln(1 + cv^2) and m = ln(mean) - s^2 / 2, so that the mean is {@code mean} and
 * stddev / mean is {@code cv}. A stand-in: {@code capsim.engine.dist.LogNormal} can replace it.
 */
record TestLogNormal(double mean, double cv) implements Distribution {
    @Override
    public double sample(RandomStream rng) {
        double s2 = Math.log(1 + cv * cv);
        return Math.exp(Math.log(mean) - s2 / 2 + Math.sqrt(s2) * rng.nextGaussian());
    }

    @Override
    public double variance() {
        return cv * cv * mean * mean;
    }

    @Override
    public Distribution scaled(double factor) {
        return new TestLogNormal(mean * factor, cv);
    }
}
