package capsim.models.load;

import capsim.engine.dist.Deterministic;
import capsim.engine.dist.Distribution;
import capsim.engine.dist.Empirical;
import capsim.engine.dist.Exponential;
import capsim.engine.dist.Gamma;
import capsim.engine.dist.Geometric;
import capsim.engine.dist.LogNormal;
import capsim.engine.dist.Pareto;
import capsim.engine.dist.Uniform;
import capsim.engine.dist.Weibull;
import capsim.models.spec.DistSpec;
import java.util.OptionalDouble;

/**
 * Turns a distribution as written in a model file ({@link DistSpec}, validated by the loader)
 * into a sampler of {@code capsim.engine.dist}: {@code mean} and {@code cv} pass straight to the
 * mean/cv parameterisations, {@code pareto} takes {@code alpha} when given and {@code cv}
 * otherwise, {@code deterministic} is the constant {@code mean}.
 */
public final class Distributions {
    private Distributions() {
    }

    /** The sampler for {@code spec}; IllegalArgumentException if it lacks a needed parameter. */
    public static Distribution of(DistSpec spec) {
        return switch (spec.dist()) {
            case "exponential" -> new Exponential(mean(spec));
            case "deterministic" -> new Deterministic(mean(spec));
            case "uniform" -> new Uniform(need(spec, "min", spec.min()), need(spec, "max", spec.max()));
            case "lognormal" -> LogNormal.ofMeanCv(mean(spec), cv(spec));
            case "gamma" -> Gamma.ofMeanCv(mean(spec), cv(spec));
            case "weibull" -> Weibull.ofMeanCv(mean(spec), cv(spec));
            case "pareto" -> spec.alpha().isPresent()
                    ? Pareto.ofMeanAlpha(mean(spec), spec.alpha().getAsDouble())
                    : Pareto.ofMeanCv(mean(spec), cv(spec));
            case "geometric" -> new Geometric(mean(spec));
            case "empirical" -> new Empirical(spec.samples().stream().mapToDouble(Double::doubleValue).toArray());
            default -> throw new IllegalArgumentException("unknown distribution '" + spec.dist() + "'");
        };
    }

    private static double mean(DistSpec spec) {
        return need(spec, "mean", spec.mean());
    }

    private static double cv(DistSpec spec) {
        return need(spec, "cv", spec.cv());
    }

    private static double need(DistSpec spec, String parameter, OptionalDouble value) {
        return value.orElseThrow(() -> new IllegalArgumentException(spec.dist() + " needs " + parameter));
    }
}
