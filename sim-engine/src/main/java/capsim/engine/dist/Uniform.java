package capsim.engine.dist;

import capsim.engine.random.RandomStream;

/** Continuous uniform distribution on [min, max] (min + (max - min) U); mean (min+max)/2, variance (max-min)^2/12. */
public record Uniform(double min, double max) implements Distribution {
    public Uniform {
        Require.nonNegative("uniform min", min);
        Require.nonNegative("uniform max", max);
        if (max < min) {
            throw new IllegalArgumentException("uniform max must be >= min (" + min + "), was " + max);
        }
    }

    @Override
    public double sample(RandomStream rng) {
        return min + (max - min) * rng.nextDouble();
    }

    @Override
    public double mean() {
        return (min + max) / 2;
    }

    @Override
    public double variance() {
        double width = max - min;
        return width * width / 12;
    }

    @Override
    public boolean integerValued() {
        return min == max && min == Math.rint(min);
    }

    @Override
    public Distribution scaled(double factor) {
        Require.factor(factor);
        return new Uniform(min * factor, max * factor);
    }
}
