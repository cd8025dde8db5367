package capsim.models.load;

import capsim.models.load.Values.Bound;
import capsim.models.spec.DistSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Binds {@code {dist: NAME, ...}} (CONTRACT.md section 1, "Distributions") and checks that the
 * parameters NAME needs are there, apply to it and lie in range: a mean > 0 (>= 0 for
 * deterministic, >= 1 for geometric, whose values are 1, 2, ...), cv > 0 (weibull: within the
 * range its shape solver covers, {@value #WEIBULL_MIN_CV} to {@value #WEIBULL_MAX_CV}), uniform min <= max,
 * pareto with exactly one of cv or alpha and alpha > 1 (a finite mean), empirical samples
 * non-empty and non-negative.
 */
final class DistBinder {
    static final List<String> NAMES = List.of("exponential", "deterministic", "uniform", "lognormal", "gamma",
            "weibull", "pareto", "geometric", "empirical");
    private static final List<String> KEYS = List.of("dist", "mean", "cv", "min", "max", "alpha", "samples");
    private static final List<String> MEAN_CV = List.of("dist", "mean", "cv");
    private static final Map<String, List<String>> APPLICABLE = Map.of(
            "exponential", List.of("dist", "mean"),
            "deterministic", List.of("dist", "mean"),
            "uniform", List.of("dist", "min", "max"),
            "lognormal", MEAN_CV,
            "gamma", MEAN_CV,
            "weibull", MEAN_CV,
            "pareto", List.of("dist", "mean", "cv", "alpha"),
            "geometric", List.of("dist", "mean"),
            "empirical", List.of("dist", "samples"));
    private static final Bound CV = new Bound(x -> x > 0, "must be > 0 (for no variation use dist: deterministic)");
    static final double WEIBULL_MIN_CV = 0.002;
    static final double WEIBULL_MAX_CV = 1000;
    private static final Bound WEIBULL_CV = Bound.between(WEIBULL_MIN_CV, WEIBULL_MAX_CV);
    private static final Bound ALPHA = new Bound(x -> x > 1, "must be > 1 (the mean is infinite otherwise)");

    /** Stands in for a distribution that had errors; never reaches a simulation. */
    static final DistSpec INVALID = DistSpec.exponential(1);

    private DistBinder() {
    }

    /** The distribution at {@code key} of {@code s}, or empty (missing, or reported). */
    static Optional<DistSpec> bind(Section s, String key, boolean required) {
        Optional<Node> node = required ? s.require(key) : s.get(key);
        return node.flatMap(n -> bind(n, s.path(key), s.problems()));
    }

    /** The distribution written at {@code path}, or empty after reporting its problems. */
    static Optional<DistSpec> bind(Node node, String path, Problems problems) {
        Optional<Section> section = Section.of(node, path, KEYS, problems);
        if (section.isEmpty()) {
            return Optional.empty();
        }
        Section s = section.get();
        Optional<String> name = s.oneOf("dist", NAMES, true);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        s.onlyFor(APPLICABLE.get(name.get()), "dist " + name.get());
        OptionalDouble mean = OptionalDouble.empty();
        OptionalDouble cv = OptionalDouble.empty();
        OptionalDouble min = OptionalDouble.empty();
        OptionalDouble max = OptionalDouble.empty();
        OptionalDouble alpha = OptionalDouble.empty();
        List<Double> samples = List.of();
        switch (name.get()) {
            case "exponential" -> mean = s.requiredNumber("mean", Bound.POSITIVE);
            case "deterministic" -> mean = s.requiredNumber("mean", Bound.NON_NEGATIVE);
            case "geometric" -> mean = s.requiredNumber("mean", Bound.atLeast(1));
            case "uniform" -> {
                min = s.requiredNumber("min", Bound.NON_NEGATIVE);
                max = s.requiredNumber("max", Bound.NON_NEGATIVE);
                if (min.isPresent() && max.isPresent() && min.getAsDouble() > max.getAsDouble()) {
                    s.reportKey("min", "min (" + Values.format(min.getAsDouble()) + ") must be <= max ("
                            + Values.format(max.getAsDouble()) + ")");
                }
            }
            case "pareto" -> {
                mean = s.requiredNumber("mean", Bound.POSITIVE);
                cv = s.number("cv", CV);
                alpha = s.number("alpha", ALPHA);
                if (s.has("cv") == s.has("alpha")) {
                    problems.at(s.node(), path, "pareto needs exactly one of cv or alpha");
                }
            }
            case "empirical" -> samples = samples(s);
            case "weibull" -> {
                mean = s.requiredNumber("mean", Bound.POSITIVE);
                cv = s.requiredNumber("cv", WEIBULL_CV);
            }
            default -> {
                mean = s.requiredNumber("mean", Bound.POSITIVE);
                cv = s.requiredNumber("cv", CV);
            }
        }
        return Optional.of(new DistSpec(name.get(), mean, cv, min, max, alpha, samples));
    }

    private static List<Double> samples(Section s) {
        List<Double> samples = new ArrayList<>();
        List<Node> items = s.list("samples", true).orElse(List.of());
        for (int i = 0; i < items.size(); i++) {
            Values.number(items.get(i), Problems.item(s.path("samples"), i), Bound.NON_NEGATIVE, s.problems())
                    .ifPresent(samples::add);
        }
        return samples;
    }
}
