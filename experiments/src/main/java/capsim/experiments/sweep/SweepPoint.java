package capsim.experiments.sweep;

import capsim.experiments.summary.SummaryBuilder;
import capsim.models.load.ModelOverride;
import capsim.models.spec.ModelSpec;
import java.util.List;

/**
 * Point {@code number} (1-based) of a sweep: the base model with {@code overrides} applied
 * ({@code model}), and the builder of its summaries.
 */
public record SweepPoint(int number, List<ModelOverride> overrides, ModelSpec model, SummaryBuilder summaries) {
    public SweepPoint {
        overrides = List.copyOf(overrides);
    }

    /** The value this point gives {@code path} (the last override of it), or "" when it keeps the base's. */
    public String param(String path) {
        String value = "";
        for (ModelOverride o : overrides) {
            if (o.path().equals(path)) {
                value = o.value();
            }
        }
        return value;
    }

    /** Its folder under {@code points/}: 001, 002, ... */
    public String folder() {
        return String.format(java.util.Locale.ROOT, "%03d", number);
    }
}
