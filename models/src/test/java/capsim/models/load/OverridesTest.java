package capsim.models.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import capsim.models.catalog.Catalog;
import capsim.models.spec.ModelSpec;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --set PATH=VALUE}: paths by name, applied before the checks, bad paths named with what is there. */
class OverridesTest {
    private static final String MODEL = """
            name: shop
            run: {duration_s: 60, replications: 2}
            workload:
              classes:
                - name: api
                  rate_per_s: 100
                  steps:
                    - {tier: app, service_ms: {dist: exponential, mean: 10}}
                    - {tier: db, service_ms: {dist: exponential, mean: 4}}
                - name: admin
                  rate_per_s: 5
                  steps:
                    - {tier: app, service_ms: {dist: exponential, mean: 20}}
            tiers:
              - {name: app, node: t3.medium, count: 2}
              - {name: db, node: t3.large, count: 1}
            slo:
              - {metric: classes.api.latency_ms.p99, max: 200}
            """;

    private final ModelLoader loader = new ModelLoader(Catalog.builtIn());

    private ModelSpec load(String... sets) throws ModelException {
        return loader.parse(MODEL, "shop.yaml", Path.of(""), Arrays.stream(sets).map(ModelOverride::parse).toList());
    }

    private List<String> errors(String... sets) {
        return assertThrows(ModelException.class, () -> load(sets)).errors().stream().map(ModelError::toString)
                .toList();
    }

    @Test
    void tiersAndClassesAreAddressedByName() throws ModelException {
        ModelSpec m = load("tiers.db.count=3", "tiers.app.node=c5.2xlarge", "workload.classes.admin.rate_per_s=7.5",
                "run.replications=4");

        assertEquals(2, m.tier("app").orElseThrow().count());
        assertEquals("c5.2xlarge", m.tier("app").orElseThrow().node());
        assertEquals(3, m.tier("db").orElseThrow().count());
        assertEquals(7.5, m.workload().classes().get(1).ratePerS().orElseThrow());
        assertEquals(100, m.workload().classes().get(0).ratePerS().orElseThrow());
        assertEquals(4, m.run().replications());
        assertEquals(60, m.run().durationS());
    }

    @Test
    void unnamedListItemsByIndexAndWholeValuesAsYaml() throws ModelException {
        ModelSpec m = load("workload.classes.api.steps.1.service_ms={dist: deterministic, mean: 2}", "slo.0.max=150",
                "tiers.app.workers=3");

        assertEquals("deterministic", m.workload().classes().get(0).steps().get(1).serviceMs().dist());
        assertEquals(2, m.workload().classes().get(0).steps().get(1).serviceMs().mean().orElseThrow());
        assertEquals(150, m.slo().get(0).max().orElseThrow());
        assertEquals(3, m.tier("app").orElseThrow().workers().orElseThrow());
    }

    @Test
    void laterOverridesWin() throws ModelException {
        assertEquals(5, load("tiers.app.count=4", "tiers.app.count=5").tier("app").orElseThrow().count());
    }

    @Test
    void aNameThatIsNotThereIsReportedWithTheNamesThatAre() {
        assertEquals(List.of("--set tiers.ap.count=6 (shop.yaml): no 'ap' in 'tiers' (has: app, db);"
                + " did you mean 'app'?"), errors("tiers.ap.count=6"));
        assertEquals(List.of("--set workload.classes.web.rate_per_s=1 (shop.yaml): no 'web' in 'workload.classes'"
                + " (has: api, admin)"), errors("workload.classes.web.rate_per_s=1"));
    }

    @Test
    void anIndexOutOfRangeOrANameInAnUnnamedListIsReported() {
        assertEquals(List.of("--set workload.classes.api.steps.2.repeat=2 (shop.yaml): 'workload.classes.api.steps'"
                + " is a list of 2 unnamed items: give an index, 0 to 1, not '2'"),
                errors("workload.classes.api.steps.2.repeat=2"));
        assertEquals(List.of("--set tiers.app.count.max=2 (shop.yaml): 'tiers.app.count' is a number (2), which has"
                + " no 'max'"), errors("tiers.app.count.max=2"));
    }

    @Test
    void aValueOrKeyTheModelRefusesIsReportedAsTheOverrideByTheModelsOwnChecks() {
        assertEquals(List.of("--set tiers.app.count=-1 (shop.yaml): tiers[0].count: must be >= 1, was -1"),
                errors("tiers.app.count=-1"));
        assertEquals(List.of("--set tiers.app.cuont=3 (shop.yaml): tiers[0].cuont: unknown key 'cuont'; did you mean"
                + " 'count'?"), errors("tiers.app.cuont=3"));
        assertEquals(List.of("--set tiers.app.node=t3.gigantic (shop.yaml): tiers[0].node: unknown node type"),
                errors("tiers.app.node=t3.gigantic").stream().map(e -> e.replaceAll("node type.*", "node type"))
                        .toList());
    }

    @Test
    void aMalformedArgumentIsRefused() {
        assertEquals("'tiers.app.count' is not PATH=VALUE (e.g. tiers.app.count=6)",
                assertThrows(IllegalArgumentException.class, () -> ModelOverride.parse("tiers.app.count")).getMessage());
        assertEquals("'tiers..count' is not a key path such as tiers.app.count",
                assertThrows(IllegalArgumentException.class, () -> ModelOverride.parse("tiers..count=1")).getMessage());
    }
}
