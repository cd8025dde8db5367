package capsim.models.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
import capsim.models.catalog.Catalog;
import capsim.models.spec.DistSpec;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Each distribution of a model file becomes the sampler with the moments it names. */
class DistributionsTest {
    private static final double EXACT = 1e-12;

    /** Binds one step's {@code service_ms} written as {@code dist} in a minimal model. */
    private static DistSpec bind(String dist) throws ModelException {
        String text = ModelLoaderTest.MINIMAL.replace("{dist: exponential, mean: 5}", dist);
        return new ModelLoader(Catalog.builtIn()).parse(text, "d.yaml").workload().classes().get(0).steps().get(0)
                .serviceMs();
    }

    private static Distribution of(String dist) throws ModelException {
        return Distributions.of(bind(dist));
    }

    @Test
    void everyNamedDistributionHasItsMoments() throws ModelException {
        assertEquals(new Exponential(5), of("{dist: exponential, mean: 5}"));
        assertEquals(new Deterministic(0.02), of("{dist: deterministic, mean: 0.02}"));
        assertEquals(new Uniform(10, 30), of("{dist: uniform, min: 10, max: 30}"));
        for (String family : List.of("lognormal", "gamma", "weibull")) {
            Distribution d = of("{dist: " + family + ", mean: 8, cv: 1.5}");
            assertEquals(8, d.mean(), EXACT, family);
            assertEquals(1.5, d.cv(), EXACT, family);
        }
        assertInstanceOf(LogNormal.class, of("{dist: lognormal, mean: 8, cv: 1.5}"));
        assertInstanceOf(Gamma.class, of("{dist: gamma, mean: 8, cv: 1.5}"));
        assertInstanceOf(Weibull.class, of("{dist: weibull, mean: 8, cv: 1.5}"));

        Pareto byAlpha = assertInstanceOf(Pareto.class, of("{dist: pareto, mean: 3, alpha: 2.5}"));
        assertEquals(3, byAlpha.mean(), EXACT);
        assertEquals(2.5, byAlpha.alpha(), EXACT);
        // cv 0.5: alpha = 1 + sqrt(1 + 1/0.25) = 1 + sqrt(5)
        Pareto byCv = assertInstanceOf(Pareto.class, of("{dist: pareto, mean: 3, cv: 0.5}"));
        assertEquals(1 + Math.sqrt(5), byCv.alpha(), EXACT);
        assertEquals(0.5, byCv.cv(), 1e-9);

        Geometric g = assertInstanceOf(Geometric.class, of("{dist: geometric, mean: 30}"));
        assertEquals(30, g.mean(), EXACT);
        // samples 1, 2.5, 4: mean 7.5 / 3 = 2.5
        Empirical e = assertInstanceOf(Empirical.class, of("{dist: empirical, samples: [1, 2.5, 4]}"));
        assertEquals(2.5, e.mean(), EXACT);
    }

    @Test
    void everyNameTheLoaderAcceptsIsBuilt() throws ModelException {
        Map<String, String> example = Map.of(
                "exponential", "mean: 1", "deterministic", "mean: 1", "uniform", "min: 0, max: 1",
                "lognormal", "mean: 1, cv: 1", "gamma", "mean: 1, cv: 1", "weibull", "mean: 1, cv: 1",
                "pareto", "mean: 1, alpha: 3", "geometric", "mean: 2", "empirical", "samples: [1]");
        assertEquals(DistBinder.NAMES.stream().sorted().collect(Collectors.toList()),
                example.keySet().stream().sorted().collect(Collectors.toList()));
        for (String name : DistBinder.NAMES) {
            assertEquals(bind("{dist: " + name + ", " + example.get(name) + "}").dist(), name);
            of("{dist: " + name + ", " + example.get(name) + "}");
        }
    }

    @Test
    void loaderAcceptsExactlyTheWeibullRangeTheSamplerSupports() {
        assertEquals(Weibull.MIN_CV, DistBinder.WEIBULL_MIN_CV);
        assertEquals(Weibull.MAX_CV, DistBinder.WEIBULL_MAX_CV);
    }

    @Test
    void aSpecMissingAParameterIsRefused() {
        OptionalDouble none = OptionalDouble.empty();
        DistSpec gammaWithoutCv = new DistSpec("gamma", OptionalDouble.of(1), none, none, none, none, List.of());
        assertThrows(IllegalArgumentException.class, () -> Distributions.of(gammaWithoutCv));
    }
}
