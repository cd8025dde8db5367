package capsim.engine.dist;

import capsim.engine.random.RandomStream;

/**
 * A probability distribution of non-negative values (service times in ms, fan-out counts...),
 * sampled from a caller-owned {@link RandomStream}. Implementations are immutable and hold
 * their parameters precomputed, so {@link #sample} does no set-up work and allocates nothing.
 * The family is closed: it is exactly the distributions a model file can name.
 */
public sealed interface Distribution
        permits Exponential, Deterministic, Uniform, MeanCvDistribution, Pareto, Geometric, Empirical {
    /** Draws one value. */
    double sample(RandomStream rng);

    /** The exact mean. */
    double mean();

    /** The exact variance ({@code Double.POSITIVE_INFINITY} where it does not exist). */
    double variance();

    /** Coefficient of variation, stddev / mean. */
    default double cv() {
        return Math.sqrt(variance()) / mean();
    }

    /** True when every sample is a whole number. */
    default boolean integerValued() {
        return false;
    }

    /** A copy with every value multiplied by {@code factor} > 0 (e.g. slower hardware). */
    Distribution scaled(double factor);
}
