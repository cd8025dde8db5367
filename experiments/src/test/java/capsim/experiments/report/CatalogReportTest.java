package capsim.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import capsim.models.catalog.Catalog;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The catalog listing groups types by provider and series, smallest size first. */
class CatalogReportTest {

    @Test
    void aSeriesIsTheNameWithoutItsSize() {
        assertEquals("c5", CatalogReport.series("c5.large"));
        assertEquals("c5", CatalogReport.series("c5.2xlarge"));
        assertEquals("cache.t3", CatalogReport.series("cache.t3.small"));
        assertEquals("n2-standard", CatalogReport.series("n2-standard-16"));
        assertEquals("Standard_Ds_v5", CatalogReport.series("Standard_D16s_v5"));
        assertEquals("Standard_Fs_v2", CatalogReport.series("Standard_F2s_v2"));
    }

    @Test
    void typesAreListedByProviderSeriesAndSize() {
        List<String> rows = CatalogReport.text(Catalog.builtIn()).lines()
                .filter(l -> l.startsWith("c5.") || l.startsWith("Standard_D") && l.contains("s_v5"))
                .map(l -> l.substring(0, l.indexOf(' '))).toList();
        assertEquals(List.of("c5.large", "c5.xlarge", "c5.2xlarge", "c5.4xlarge", "c5.9xlarge",
                "Standard_D2s_v5", "Standard_D4s_v5", "Standard_D8s_v5", "Standard_D16s_v5"), rows);
    }
}
