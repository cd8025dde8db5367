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

    /**
     * vCPU, memory GiB, USD/hour, burst credits (earned/h, baseline per vCPU, max balance, surplus
     * USD/vCPU-h) or null, and the processor's sustained all-core clock in GHz, or 0 where the
     * catalog states none (then the type runs at the reference speed).
     */
    private record Expected(String name, int vcpu, double memoryGb, double hourlyUsd, double[] credits,
                            double allCoreGhz) {
    }

    /** The reference type's clock: m5.large, Xeon Platinum 8175M. */
    private static final double REFERENCE_GHZ = 3.1;
    private static final double[] T3_SMALL = {24, 0.20, 576, 0.05};

    private static final List<Expected> FACTS = List.of(
            // FACTS.md
            new Expected("t3.small", 2, 2, 0.0208, T3_SMALL, 0),
            new Expected("t3.medium", 2, 4, 0.0416, new double[] {24, 0.20, 576, 0.05}, 0),
            new Expected("t3.large", 2, 8, 0.0832, new double[] {36, 0.30, 864, 0.05}, 0),
            new Expected("c5.2xlarge", 8, 16, 0.34, null, 3.4),
            new Expected("c5.4xlarge", 16, 32, 0.68, null, 3.4),
            new Expected("c5.9xlarge", 36, 72, 1.53, null, 3.4),
            new Expected("db.t3.medium", 2, 4, 0.072, new double[] {24, 0.20, 576, 0.075}, 0),
            new Expected("cache.t3.small", 2, 1.37, 0.034, new double[] {24, 0.20, 576, 0.05}, 0),
            new Expected("Standard_D8s_v3", 8, 32, 0.384, null, 0),
            new Expected("Standard_D16s_v3", 16, 64, 0.768, null, 0),
            new Expected("Standard_D32s_v3", 32, 128, 1.536, null, 0),
            new Expected("n1-standard-8", 8, 30, 0.38, null, 0),
            new Expected("n1-standard-16", 16, 60, 0.76, null, 0),
            // AWS us-east-1: M5 (the reference), M6i, C5, C6i, R5
            new Expected("m5.large", 2, 8, 0.096, null, 3.1),
            new Expected("m5.xlarge", 4, 16, 0.192, null, 3.1),
            new Expected("m5.2xlarge", 8, 32, 0.384, null, 3.1),
            new Expected("m5.4xlarge", 16, 64, 0.768, null, 3.1),
            new Expected("m6i.large", 2, 8, 0.096, null, 3.5),
            new Expected("m6i.xlarge", 4, 16, 0.192, null, 3.5),
            new Expected("m6i.2xlarge", 8, 32, 0.384, null, 3.5),
            new Expected("m6i.4xlarge", 16, 64, 0.768, null, 3.5),
            new Expected("c5.large", 2, 4, 0.085, null, 3.4),
            new Expected("c5.xlarge", 4, 8, 0.17, null, 3.4),
            new Expected("c6i.large", 2, 4, 0.085, null, 3.5),
            new Expected("c6i.xlarge", 4, 8, 0.17, null, 3.5),
            new Expected("c6i.2xlarge", 8, 16, 0.34, null, 3.5),
            new Expected("c6i.4xlarge", 16, 32, 0.68, null, 3.5),
            new Expected("r5.large", 2, 16, 0.126, null, 0),
            new Expected("r5.xlarge", 4, 32, 0.252, null, 0),
            new Expected("r5.2xlarge", 8, 64, 0.504, null, 0),
            new Expected("r5.4xlarge", 16, 128, 1.008, null, 0),
            // Azure eastus
            new Expected("Standard_D2s_v5", 2, 8, 0.096, null, 3.5),
            new Expected("Standard_D4s_v5", 4, 16, 0.192, null, 3.5),
            new Expected("Standard_D8s_v5", 8, 32, 0.384, null, 3.5),
            new Expected("Standard_D16s_v5", 16, 64, 0.768, null, 3.5),
            new Expected("Standard_F2s_v2", 2, 4, 0.085, null, 3.4),
            new Expected("Standard_F4s_v2", 4, 8, 0.169, null, 3.4),
            new Expected("Standard_F8s_v2", 8, 16, 0.338, null, 3.4),
            new Expected("Standard_F16s_v2", 16, 32, 0.68, null, 3.4),
            // GCP us-central1
            new Expected("e2-standard-2", 2, 8, 0.0671, null, 0),
            new Expected("e2-standard-4", 4, 16, 0.1342, null, 0),
            new Expected("e2-standard-8", 8, 32, 0.2684, null, 0),
            new Expected("e2-standard-16", 16, 64, 0.5368, null, 0),
            new Expected("n2-standard-2", 2, 8, 0.0971, null, 0),
            new Expected("n2-standard-4", 4, 16, 0.1942, null, 0),
            new Expected("n2-standard-8", 8, 32, 0.3884, null, 0),
            new Expected("n2-standard-16", 16, 64, 0.7769, null, 0),
            new Expected("c2-standard-4", 4, 16, 0.2088, null, 0),
            new Expected("c2-standard-8", 8, 32, 0.4176, null, 0),
            new Expected("c2-standard-16", 16, 64, 0.8352, null, 0));

    @Test
    void everyTypeHasTheDocumentedNumbers() {
        for (Expected e : FACTS) {
            NodeType t = catalog.find(e.name()).orElseThrow(() -> new AssertionError("missing " + e.name()));
            assertEquals(e.name(), t.name());
            assertEquals(e.vcpu(), t.vcpu(), e.name());
            assertEquals(e.memoryGb(), t.memoryGb(), 0, e.name());
            assertEquals(e.hourlyUsd(), t.hourlyUsd(), 0, e.name());
            assertFalse(t.source().isBlank(), e.name());
            assertFalse(t.speedSource().isBlank(), e.name());
            assertFalse(t.provider().isBlank(), e.name());
            // speed = all-core clock / the reference's (3.4 / 3.1 = 1.0968 for c5); 1 where none is stated
            double speed = e.allCoreGhz() == 0 ? 1 : e.allCoreGhz() / REFERENCE_GHZ;
            assertEquals(speed, t.cpuSpeed(), 1e-12, e.name());
            if (e.allCoreGhz() == 0) {
                assertTrue(t.speedSource().contains("taken as the reference speed"), e.name());
            }
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
    void theReferenceIsM5LargeAtSpeedOne() {
        assertEquals(new Catalog.Reference("m5.large", REFERENCE_GHZ, catalog.reference().why()), catalog.reference());
        assertEquals(1.0, catalog.find("m5.large").orElseThrow().cpuSpeed());
        assertEquals("aws", catalog.find("m5.large").orElseThrow().provider());
        assertEquals("azure", catalog.find("Standard_F2s_v2").orElseThrow().provider());
        assertEquals("gcp", catalog.find("c2-standard-4").orElseThrow().provider());
    }

    private static final String REFERENCE = "reference: {type: r, all_core_ghz: 2.0, why: w}\n";
    private static final String R = "  - {name: r, provider: p, vcpu: 1, memory_gb: 1, hourly_usd: 0.1,"
            + " all_core_ghz: 2.0, source: s, speed_source: t}\n";

    private static Catalog read(String yaml) throws IOException {
        return Catalog.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aSpeedIsTheClockOverTheReferenceClock() throws IOException {
        Catalog c = read(REFERENCE + "types:\n" + R
                + "  - {name: a, provider: p, vcpu: 1, memory_gb: 1, hourly_usd: 0.1, all_core_ghz: 2.5, source: s,"
                + " speed_source: t}\n"
                + "  - {name: b, provider: p, vcpu: 1, memory_gb: 1, hourly_usd: 0.1, source: s, speed_source: t}\n");
        assertEquals(1.25, c.find("a").orElseThrow().cpuSpeed(), 1e-15);
        assertEquals(1.0, c.find("b").orElseThrow().cpuSpeed());
    }

    @Test
    void anIncompleteEntryIsRefused() {
        assertThrows(IOException.class, () -> read(REFERENCE + "types:\n" + R
                + "  - {name: a, provider: p, vcpu: 1, memory_gb: 1, source: s, speed_source: t}\n"));
        // no speed_source
        assertThrows(IOException.class, () -> read(REFERENCE + "types:\n" + R
                + "  - {name: a, provider: p, vcpu: 1, memory_gb: 1, hourly_usd: 0.1, source: s}\n"));
        // a clock of 0
        assertThrows(IOException.class, () -> read(REFERENCE + "types:\n" + R
                + "  - {name: a, provider: p, vcpu: 1, memory_gb: 1, hourly_usd: 0.1, all_core_ghz: 0, source: s,"
                + " speed_source: t}\n"));
    }

    @Test
    void aCatalogWithoutItsReferenceTypeIsRefused() throws IOException {
        assertThrows(IOException.class, () -> read("types:\n" + R));
        assertThrows(IOException.class, () -> read("reference: {type: x, all_core_ghz: 2.0, why: w}\ntypes:\n" + R));
        // the reference type listed at another clock than the reference's
        assertThrows(IOException.class, () -> read("reference: {type: r, all_core_ghz: 3.0, why: w}\ntypes:\n" + R));
        assertEquals(1.0, read(REFERENCE + "types:\n" + R).find("r").orElseThrow().cpuSpeed());
    }

    @Test
    void aCatalogListingATypeTwiceIsRefused() {
        assertThrows(IOException.class, () -> read(REFERENCE + "types:\n" + R + R));
    }
}
