package capsim.models.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import capsim.models.catalog.Catalog;
import capsim.models.spec.FailureSpec;
import capsim.models.spec.ManagedSpec;
import capsim.models.spec.ModelSpec;
import capsim.models.spec.NetworkSpec;
import capsim.models.spec.UptimeSpec;
import capsim.models.spec.ZoneFailureSpec;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The failure, managed-service, zone, uptime and cross-zone keys bind with their defaults and are checked. */
class FailureBindingTest {
    private final ModelLoader loader = new ModelLoader(Catalog.builtIn());

    /** A small model with {@code tierKeys} added to tier app (4 spaces in) and {@code modelKeys} at the end. */
    private static String model(String tierKeys, String modelKeys) {
        return """
                name: failing
                workload:
                  classes:
                    - name: api
                      rate_per_s: 10
                      steps:
                        - tier: app
                          service_ms: {dist: exponential, mean: 5}
                tiers:
                  - name: app
                    node: t3.small
                    count: 2
                """ + tierKeys + modelKeys;
    }

    private ModelSpec parse(String text) throws ModelException {
        return loader.parse(text, "failing.yaml");
    }

    private List<ModelError> errors(String text) {
        return assertThrows(ModelException.class, () -> parse(text)).errors();
    }

    @Test
    void withoutTheKeysTheDefaultsHold() throws ModelException {
        ModelSpec m = parse(model("", ""));

        assertEquals(Optional.empty(), m.tiers().get(0).operations().failures());
        assertEquals(Optional.empty(), m.tiers().get(0).operations().managed());
        assertEquals(Optional.empty(), m.zoneFailures());
        assertEquals(new UptimeSpec(60, 0.01, 30, 1), m.uptime());
        assertEquals(new NetworkSpec(0.5, 1), m.network());
    }

    @Test
    void nodeFailuresDetectAfterFortyFiveSecondsByDefault() throws ModelException {
        ModelSpec m = parse(model("    failures: {mtbf_h: 2, mttr_s: 300}\n", ""));

        assertEquals(Optional.of(new FailureSpec(2, 300, 45)), m.tiers().get(0).operations().failures());
    }

    @Test
    void managedDefaultsDependOnTheKind() throws ModelException {
        ModelSpec db = parse(model("    managed: {kind: database, mtbf_h: 1000}\n", ""));
        ModelSpec cache = parse(model("    managed: {kind: cache, multi_az: true, mtbf_h: 500, refill_s: 120}\n", ""));

        assertEquals(Optional.of(new ManagedSpec(ManagedSpec.Kind.DATABASE, false, 1000, 90, 600, 300)),
                db.tiers().get(0).operations().managed());
        assertEquals(Optional.of(new ManagedSpec(ManagedSpec.Kind.CACHE, true, 500, 30, 600, 120)),
                cache.tiers().get(0).operations().managed());
    }

    @Test
    void modelLevelKeysBind() throws ModelException {
        ModelSpec m = parse(model("    zones: [a, b]\n", """
                failures:
                  zone: {mtbf_h: 8760, mttr_s: 3600}
                uptime: {window_s: 300, max_error_ratio: 0.05, days: 31, strikes: 5}
                network: {hop_ms: 0.3, cross_zone_ms: 1.5}
                """));

        assertEquals(Optional.of(new ZoneFailureSpec(8760, 3600)), m.zoneFailures());
        assertEquals(new UptimeSpec(300, 0.05, 31, 5), m.uptime());
        assertEquals(new NetworkSpec(0.3, 1.5), m.network());
        assertEquals(List.of("a", "b"), m.tiers().get(0).operations().zones());
    }

    @Test
    void badValuesAreReportedAtTheirKeys() {
        // lines: 13 is the first added tier line, keys at column 5
        List<ModelError> errors = errors(model("""
                    managed: {kind: database, multi_az: yes, mtbf_h: 0, refill_s: 60}
                    failures: {mtbf_h: 1, mttr_s: 60, detect_s: -1}
                """, """
                failures:
                  zone: {mtbf_h: 10}
                network: {cross_zone_ms: -2}
                """));

        assertMessage(errors, "tiers[0].managed.multi_az", 13, "expected true or false, found a string ('yes')");
        assertMessage(errors, "tiers[0].managed.mtbf_h", 13, "must be > 0");
        assertMessage(errors, "tiers[0].managed.refill_s", 13, "applies only to kind: cache");
        assertMessage(errors, "tiers[0].failures", 14, "a managed tier fails through managed.mtbf_h");
        assertMessage(errors, "tiers[0].failures.detect_s", 14, "must be >= 0");
        assertMessage(errors, "failures.zone.mttr_s", 16, "missing required key 'mttr_s'");
        assertMessage(errors, "network.cross_zone_ms", 17, "must be >= 0");
        assertEquals(7, errors.size(), errors::toString);
    }

    @Test
    void unknownKeysAreSuggested() {
        List<ModelError> errors = errors(model("    failures: {mtbf_h: 1, mttr_s: 60, detect: 5}\n", ""));

        assertMessage(errors, "tiers[0].failures.detect", 13, "did you mean 'detect_s'?");
    }

    private static void assertMessage(List<ModelError> errors, String keyPath, int line, String fragment) {
        ModelError e = errors.stream().filter(x -> x.keyPath().equals(keyPath)).findFirst()
                .orElseThrow(() -> new AssertionError("no error at " + keyPath + " in " + errors));
        assertEquals(line, e.line(), e::toString);
        assertTrue(e.message().contains(fragment), () -> "'" + fragment + "' not in: " + e);
    }
}
