package capsim.models.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The built-in catalog holds every node type the seed plans name, with the documented numbers. */
class CatalogTest {
    private final Catalog catalog = Catalog.builtIn();

    /** vCPU, memory GiB, USD/hour, and burst credits (earned/h, baseline per vCPU, max balance, surplus USD/vCPU-h). */
    private record Expected(String name, int vcpu, double memoryGb, double hourlyUsd, double[] credits) {
    }

    private static final List<Expected> FACTS = List.of(
            new Expected("t3.small", 2, 2, 0.0208, new double[] {24, 0.20, 576, 0.05}),
            new Expected("t3.medium", 2, 4, 0.0416, new double[] {24, 0.20, 576, 0.05}),
            new Expected("t3.large", 2, 8, 0.0832, new double[] {36, 0.30, 864, 0.05}),
            new Expected("c5.2xlarge", 8, 16, 0.34, null),
            new Expected("c5.4xlarge", 16, 32, 0.68, null),
            new Expected("c5.9xlarge", 36, 72, 1.53, null),
            new Expected("db.t3.medium", 2, 4, 0.072, new double[] {24, 0.20, 576, 0.075}),
            new Expected("cache.t3.small", 2, 1.37, 0.034, new double[] {24, 0.20, 576, 0.05}),
            new Expected("Standard_D8s_v3", 8, 32, 0.384, null),
            new Expected("Standard_D16s_v3", 16, 64, 0.768, null),
            new Expected("Standard_D32s_v3", 32, 128, 1.536, null),
            new Expected("n1-standard-8", 8, 30, 0.38, null),
            new Expected("n1-standard-16", 16, 60, 0.76, null));

    @Test
    void everyTypeHasTheDocumentedNumbers() {
        for (Expected e : FACTS) {
            NodeType t = catalog.find(e.name()).orElseThrow(() -> new AssertionError("missing " + e.name()));
            assertEquals(e.name(), t.name());
            assertEquals(e.vcpu(), t.vcpu(), e.name());
            assertEquals(e.memoryGb(), t.memoryGb(), 0, e.name());
            assertEquals(e.hourlyUsd(), t.hourlyUsd(), 0, e.name());
            assertFalse(t.source().isBlank(), e.name());
            if (e.credits() == null) {
                assertEquals(Optional.empty(), t.credits(), e.name());
            } else {
                NodeType.BurstCredits c = t.credits().orElseThrow();
                assertEquals(e.credits()[0], c.earnedPerHour(), 0, e.name());
                assertEquals(e.credits()[1], c.baselinePerVcpu(), 0, e.name());
                assertEquals(e.credits()[2], c.maxBalance(), 0, e.name());
                assertEquals(e.credits()[3], c.surplusUsdPerVcpuHour(), 0, e.name());
                // The balance caps at 24 hours of earnings.
                assertEquals(24 * c.earnedPerHour(), c.maxBalance(), 0, e.name());
            }
        }
        assertEquals(FACTS.size(), catalog.names().size(), "no type without a documented source");
    }

    @Test
    void multiAzDoublingIsNotedForRds() {
        assertTrue(catalog.find("db.t3.medium").orElseThrow().source().contains("Multi-AZ doubles"));
    }

    @Test
    void namesAreSortedAndUnknownTypesAreAbsent() {
        List<String> names = catalog.names();
        assertEquals(names.stream().sorted().toList(), names);
        assertTrue(catalog.find("t3.nano").isEmpty());
    }

    @Test
    void anIncompleteEntryIsRefused() {
        String yaml = """
                types:
                  - {name: a, vcpu: 1, memory_gb: 1, source: s}
                """;
        assertThrows(IOException.class,
                () -> Catalog.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void aCatalogListingATypeTwiceIsRefused() {
        String yaml = """
                types:
                  - {name: a, vcpu: 1, memory_gb: 1, hourly_usd: 0.1, source: s}
                  - {name: a, vcpu: 2, memory_gb: 1, hourly_usd: 0.1, source: s}
                """;
        assertThrows(IOException.class,
                () -> Catalog.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))));
    }
}
