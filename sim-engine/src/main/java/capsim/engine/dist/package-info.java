/**
 * Probability distributions of service times and counts, one immutable class per family named
 * in the model file (exponential, deterministic, uniform, lognormal, gamma, weibull, pareto,
 * geometric, empirical). Each knows its exact mean and variance and samples from a
 * {@link capsim.engine.random.RandomStream} without allocating.
 */
package capsim.engine.dist;
