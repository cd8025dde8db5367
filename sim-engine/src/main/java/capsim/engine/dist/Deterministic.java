package capsim.engine.dist;

import capsim.engine.random.RandomStream;

/** A constant: every sample equals {@code value} (and consumes no random numbers). */
public record Deterministic(double value) implements Distribution {
    public Deterministic {
        Require.nonNegative("deterministic value", value);
    }

    @Override
    public double sample(RandomStream rng) {
        return value;
    }

    @Override
    public double mean() {
        return value;
    }

    @Override
    public double variance() {
        return 0;
    }

    @Override
    public boolean integerValued() {
        return value == Math.rint(value);
    }

    @Override
    public Distribution scaled(double factor) {
        return new Deterministic(value * Require.factor(factor));
    }
}
