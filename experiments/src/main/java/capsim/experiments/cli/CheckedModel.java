package capsim.experiments.cli;

import capsim.experiments.summary.SummaryBuilder;
import capsim.models.catalog.Catalog;
import capsim.models.load.ModelError;
import capsim.models.spec.ModelSpec;
import capsim.models.system.OfferedLoad;
import capsim.models.system.OfferedLoad.ClassRate;
import capsim.models.system.OfferedLoad.TierLoad;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A model that passed every check made without simulating: it loaded, its trace files read,
 * and every SLO metric names a number of the summary. Carries what those checks computed.
 */
record CheckedModel(ModelSpec spec, Catalog catalog, List<ClassRate> rates, List<TierLoad> loads,
                    SummaryBuilder summaryBuilder) {

    /** Checks {@code spec} (already loaded against {@code catalog}). */
    static CheckedModel check(ModelSpec spec, Catalog catalog) throws InvalidInputException {
        List<ClassRate> rates;
        List<TierLoad> loads;
        try {
            rates = OfferedLoad.classRates(spec);
            loads = OfferedLoad.of(spec, catalog);
        } catch (UncheckedIOException e) {
            throw new InvalidInputException("capsim: " + e.getMessage());
        }
        SummaryBuilder builder = new SummaryBuilder(spec, loads, catalog);
        List<ModelError> errors = builder.checkSloMetrics();
        if (!errors.isEmpty()) {
            throw InvalidInputException.of(spec.source(), errors);
        }
        return new CheckedModel(spec, catalog, rates, loads, builder);
    }
}
