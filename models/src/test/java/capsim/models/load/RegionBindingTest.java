package capsim.models.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import capsim.models.catalog.Catalog;
import capsim.models.spec.ModelSpec;
import capsim.models.spec.RegionsSpec;
import capsim.models.spec.RegionsSpec.Link;
import capsim.models.spec.RegionsSpec.Region;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The model's {@code regions} and {@code network.region_ms} bind and are checked: shares add up
 * to 1, every zone of a tier is in exactly one region, every pair of regions has a latency. Line
 * numbers count the lines of each text block from 1.
 */
class RegionBindingTest {
    private final ModelLoader loader = new ModelLoader(Catalog.builtIn());

    /** A model whose app tier has {@code zones} (line 10) followed by {@code rest} from line 11. */
    private static String model(String zones, String rest) {
        return """
                name: regional
                workload:
                  classes:
                    - name: api
                      rate_per_s: 10
                      steps:
                        - tier: app
                          service_ms: {dist: exponential, mean: 5}
                tiers:
                """ + zones + rest;
    }

    private static final String APP = "  - {name: app, node: t3.small, count: 3, zones: [a, b, c]}\n";

    private List<ModelError> errors(String text) {
        return assertThrows(ModelException.class, () -> loader.parse(text, "bad.yaml")).errors();
    }

    /** The error at {@code keyPath}: its line, column and a fragment of its message. */
    private static void assertError(List<ModelError> errors, String keyPath, int line, int column, String fragment) {
        ModelError e = errors.stream().filter(x -> x.keyPath().equals(keyPath)).findFirst()
                .orElseThrow(() -> new AssertionError("no error at " + keyPath + " in\n" + join(errors)));
        assertEquals(line, e.line(), e::toString);
        assertEquals(column, e.column(), e::toString);
        assertTrue(e.message().contains(fragment), () -> "'" + fragment + "' not in: " + e);
    }

    private static String join(List<ModelError> errors) {
        return errors.stream().map(ModelError::toString).collect(Collectors.joining("\n"));
    }

    @Test
    void withoutRegionsTheModelHasNone() throws ModelException {
        ModelSpec m = loader.parse(model(APP, ""), "ok.yaml");
        assertEquals(RegionsSpec.NONE, m.network().regions());
        assertTrue(!m.network().regions().given());
    }

    @Test
    void regionsAndTheirLatenciesBind() throws ModelException {
        ModelSpec m = loader.parse(model(APP, """
                regions:
                  - {name: us-east, share: 0.6, zones: [a, b]}
                  - {name: eu-west, share: 0.4, zones: [c]}
                network:
                  region_ms: [{from: eu-west, to: us-east, ms: 80}]
                """), "ok.yaml");
        RegionsSpec r = m.network().regions();
        assertEquals(List.of(new Region("us-east", 0.6, List.of("a", "b")), new Region("eu-west", 0.4, List.of("c"))),
                r.regions());
        assertEquals(List.of(new Link("eu-west", "us-east", 80)), r.links());
        assertEquals(80, r.ms("us-east", "eu-west").orElseThrow());
        assertEquals(0.5, m.network().hopMs());
    }

    @Test
    void sharesMustAddUpToOneAndZonesBelongToOneRegion() {
        List<ModelError> errors = errors(model(APP + "  - {name: db, node: db.t3.medium, count: 1, zones: [d]}\n", """
                regions:
                  - {name: us-east, share: 0.6, zones: [a, b]}
                  - {name: eu-west, share: 0.3, zones: [c, a]}
                network:
                  region_ms: [{from: us-east, to: eu-west, ms: 80}]
                """));
        assertError(errors, "regions", 13, 3, "add up to 0.9");
        assertError(errors, "regions[1].zones[1]", 14, 44, "already in region 'us-east'");
        assertError(errors, "tiers[1].zones[0]", 11, 54, "zone 'd' is in no region");
        assertEquals(3, errors.size(), () -> join(errors));
    }

    @Test
    void aTierWithoutZonesIsInZoneA() {
        List<ModelError> errors = errors(model("  - {name: app, node: t3.small, count: 3}\n", """
                regions:
                  - {name: us-east, share: 1, zones: [b]}
                """));
        assertError(errors, "tiers[0]", 10, 5, "no zones, so its nodes are in zone 'a'");
        assertEquals(1, errors.size(), () -> join(errors));
    }

    @Test
    void everyPairOfRegionsNeedsOneLatency() {
        List<ModelError> errors = errors(model(APP, """
                regions:
                  - {name: us-east, share: 0.5, zones: [a]}
                  - {name: eu-west, share: 0.3, zones: [b]}
                  - {name: af-south, share: 0.2, zones: [c]}
                network:
                  region_ms:
                    - {from: us-east, to: eu-wset, ms: 80}
                    - {from: eu-west, to: eu-west, ms: 1}
                    - {from: eu-west, to: af-south, ms: 0}
                    - {from: af-south, to: us-east, ms: 200}
                    - {from: us-east, to: af-south, ms: 210}
                """));
        assertError(errors, "network.region_ms[0].to", 17, 27, "did you mean 'eu-west'");
        assertError(errors, "network.region_ms[1].to", 18, 23, "joins two different regions");
        assertError(errors, "network.region_ms[2].ms", 19, 41, "must be > 0");
        assertError(errors, "network.region_ms[4]", 21, 7, "given twice");
        // region_ms[0] names no region and region_ms[2] no valid latency: only us-east - eu-west is missing
        assertError(errors, "network.region_ms", 17, 5, "add {from: us-east, to: eu-west, ms: ...} to");
        assertEquals(5, errors.size(), () -> join(errors));
    }

    @Test
    void regionMsNeedsRegions() {
        List<ModelError> errors = errors(model(APP, """
                network:
                  region_ms: [{from: us-east, to: eu-west, ms: 80}]
                """));
        assertError(errors, "network.region_ms", 12, 3, "needs the model's 'regions'");
        assertEquals(1, errors.size(), () -> join(errors));
    }

    @Test
    void twoRegionsWithoutRegionMsAreAnError() {
        List<ModelError> errors = errors(model(APP, """
                regions:
                  - {name: us-east, share: 0.5, zones: [a, b]}
                  - {name: eu-west, share: 0.5, zones: [c], weight: 2}
                """));
        assertError(errors, "network.region_ms", 12, 3, "{from: us-east, to: eu-west, ms: ...}");
        assertError(errors, "regions[1].weight", 13, 45, "unknown key 'weight'");
        assertEquals(2, errors.size(), () -> join(errors));
    }
}
