package capsim.models.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import capsim.models.catalog.Catalog;
import capsim.models.spec.DistSpec;
import capsim.models.spec.InterferenceSpec;
import capsim.models.spec.InterferenceSpec.Regime;
import capsim.models.spec.ModelSpec;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** capacity_regimes, stalls, wake_up and load_dependence bind (regimes in both forms) and are checked. */
class InterferenceBindingTest {
    private final ModelLoader loader = new ModelLoader(Catalog.builtIn());

    private static String model(String tierKeys) {
        return """
                name: noisy
                workload:
                  classes:
                    - name: api
                      rate_per_s: 10
                      steps:
                        - tier: db
                          service_ms: {dist: exponential, mean: 2}
                tiers:
                  - name: db
                    node: t3.large
                    count: 2
                """ + tierKeys;
    }

    private Optional<InterferenceSpec> interference(String tierKeys) throws ModelException {
        ModelSpec m = loader.parse(model(tierKeys), "noisy.yaml");
        return m.tiers().get(0).operations().interference();
    }

    private List<ModelError> errors(String tierKeys) {
        return assertThrows(ModelException.class, () -> loader.parse(model(tierKeys), "noisy.yaml")).errors();
    }

    @Test
    void absentMeansNone() throws ModelException {
        assertEquals(Optional.empty(), interference(""));
    }

    @Test
    void aListOfLevelsIsPerNodeAndStallsTakeADistribution() throws ModelException {
        InterferenceSpec s = interference("""
                    capacity_regimes: [{speed: 1.0, mean_s: 35}, {speed: 0.62, mean_s: 10}]
                    stalls: {rate_per_s: 1, duration_ms: {dist: deterministic, mean: 20}}
                """).orElseThrow();
        assertEquals(List.of(new Regime(1.0, 35), new Regime(0.62, 10)), s.regimes());
        assertEquals(false, s.regimesShared());
        assertEquals(1, s.stalls().orElseThrow().ratePerS());
        assertEquals(DistSpec.deterministic(20), s.stalls().orElseThrow().durationMs());
    }

    @Test
    void theMappingFormCanShareTheRegimes() throws ModelException {
        InterferenceSpec s = interference("""
                    capacity_regimes:
                      shared: true
                      levels: [{speed: 1.0, mean_s: 35}, {speed: 0.5, mean_s: 5}]
                """).orElseThrow();
        assertTrue(s.regimesShared());
        assertEquals(2, s.regimes().size());
        assertEquals(Optional.empty(), s.stalls());
    }

    @Test
    void badValuesAreReportedWithTheirKeys() {
        List<ModelError> errors = errors("""
                    capacity_regimes: [{speed: 0, mean_s: 35}]
                    stalls: {rate_per_s: 1, duration_s: 3}
                """);
        String all = errors.toString();
        assertTrue(all.contains("tiers[0].capacity_regimes[0].speed: must be > 0"), all);
        assertTrue(all.contains("at least two levels"), all);
        assertTrue(all.contains("unknown key 'duration_s'"), all);
        assertTrue(all.contains("missing required key 'duration_ms'"), all);
    }

    @Test
    void aWakeUpTakesADistributionAndAnOptionalIdleScale() throws ModelException {
        InterferenceSpec s = interference("""
                    wake_up: {duration_ms: {dist: deterministic, mean: 0.5}, idle_scale_ms: 30}
                """).orElseThrow();
        assertEquals(new InterferenceSpec.WakeUp(DistSpec.deterministic(0.5), 30), s.wakeUp().orElseThrow());
        assertEquals(List.of(), s.regimes());
        assertEquals(0, interference("""
                    wake_up: {duration_ms: {dist: deterministic, mean: 0.5}}
                """).orElseThrow().wakeUp().orElseThrow().idleScaleMs());
        String all = errors("""
                    wake_up: {idle_scale_ms: -1}
                """).toString();
        assertTrue(all.contains("tiers[0].wake_up.idle_scale_ms: must be >= 0"), all);
        assertTrue(all.contains("missing required key 'duration_ms'"), all);
    }

    @Test
    void aLoadDependenceTakesAnIdleFactorAndAnOptionalHorizon() throws ModelException {
        InterferenceSpec s = interference("""
                    load_dependence: {idle_factor: 1.4, horizon_s: 2}
                """).orElseThrow();
        assertEquals(new InterferenceSpec.LoadDependence(1.4, 2), s.loadDependence().orElseThrow());
        assertEquals(Optional.empty(), s.wakeUp());
        assertEquals(1, interference("""
                    load_dependence: {idle_factor: 1.4}
                """).orElseThrow().loadDependence().orElseThrow().horizonS());
        String all = errors("""
                    load_dependence: {idle_factor: 0, horizon_s: -1, horizon: 3}
                """).toString();
        assertTrue(all.contains("tiers[0].load_dependence.idle_factor: must be > 0"), all);
        assertTrue(all.contains("tiers[0].load_dependence.horizon_s: must be > 0"), all);
        assertTrue(all.contains("unknown key 'horizon'"), all);
        assertTrue(errors("""
                    load_dependence: {horizon_s: 3}
                """).toString().contains("missing required key 'idle_factor'"));
    }

    @Test
    void aClassTakesClientStallsCheckedAsAStallProcess() throws ModelException {
        String yaml = model("").replace("      rate_per_s: 10\n",
                "      rate_per_s: 10\n      client_stalls: {rate_per_s: 16.75, duration_ms: {dist: weibull, mean: 1.6, cv: 0.7}}\n");
        InterferenceSpec.Stalls c = loader.parse(yaml, "noisy.yaml").workload().classes().get(0).clientStalls()
                .orElseThrow();
        assertEquals(16.75, c.ratePerS());
        assertEquals("weibull", c.durationMs().dist());
        assertEquals(Optional.empty(), loader.parse(model(""), "noisy.yaml").workload().classes().get(0)
                .clientStalls());
        String bad = model("").replace("      rate_per_s: 10\n",
                "      rate_per_s: 10\n      client_stalls: {rate_per_s: 0, duration_s: 3}\n");
        String all = assertThrows(ModelException.class, () -> loader.parse(bad, "noisy.yaml")).errors().toString();
        assertTrue(all.contains("client_stalls.rate_per_s: must be > 0"), all);
        assertTrue(all.contains("unknown key 'duration_s'"), all);
        assertTrue(all.contains("missing required key 'duration_ms'"), all);
    }
}
