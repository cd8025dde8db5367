package capsim.models.spec;

import java.util.List;

/**
 * {@code tune:} search {@code parameters} for the configuration that minimises (or maximises)
 * {@code objective}, subject to {@code subjectTo} (empty: the model's own {@code slo[]}), within
 * {@code evaluations} candidate configurations.
 */
public record TuneSpec(List<Parameter> parameters, String objective, boolean minimize, List<SloSpec> subjectTo,
                       int evaluations) {
    public TuneSpec {
        parameters = List.copyOf(parameters);
        subjectTo = List.copyOf(subjectTo);
    }

    /** One searched value: at {@code path}, from {@code min} to {@code max}, integers only with {@code integer}. */
    public record Parameter(String path, double min, double max, boolean integer) {
    }
}
