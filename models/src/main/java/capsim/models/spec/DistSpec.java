package capsim.models.spec;

import java.util.List;
import java.util.OptionalDouble;

/**
 * A distribution as written in the model file: {@code {dist: NAME, mean: M, ...}}. Which of
 * the optional parameters are required depends on {@code dist} (validated by the loader):
 * exponential (mean), deterministic (mean), uniform (min, max), lognormal / gamma / weibull
 * (mean, cv), pareto (mean and cv or alpha), geometric (mean), empirical (samples).
 */
public record DistSpec(String dist, OptionalDouble mean, OptionalDouble cv, OptionalDouble min,
                       OptionalDouble max, OptionalDouble alpha, List<Double> samples) {
    public DistSpec {
        samples = List.copyOf(samples);
    }

    /** {@code {dist: exponential, mean: M}}. */
    public static DistSpec exponential(double mean) {
        return new DistSpec("exponential", OptionalDouble.of(mean), OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), List.of());
    }

    /** {@code {dist: deterministic, mean: M}}. */
    public static DistSpec deterministic(double mean) {
        return new DistSpec("deterministic", OptionalDouble.of(mean), OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), List.of());
    }
}
