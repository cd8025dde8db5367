package capsim.models.spec;

import capsim.models.load.ModelOverride;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An experiment file: a {@code base} model (its path resolved against the experiment file's
 * folder), overrides of its {@code run:} settings and other values ({@code set:}) for every model
 * the experiment runs, and exactly one of {@code sweep} (with an optional {@code choose}) or
 * {@code tune}.
 */
public record ExperimentSpec(Path file, Path base, List<ModelOverride> run, List<ModelOverride> set,
                             Optional<SweepSpec> sweep, Optional<Choice> choose, Optional<TuneSpec> tune) {
    public ExperimentSpec {
        run = List.copyOf(run);
        set = List.copyOf(set);
    }

    /** The overrides every model of the experiment starts from: {@code run:}, then {@code set:}. */
    public List<ModelOverride> fixed() {
        List<ModelOverride> fixed = new ArrayList<>(run);
        fixed.addAll(set);
        return List.copyOf(fixed);
    }

    /** {@code choose: {minimize|maximize: METRIC}}: the best point among those passing every SLO. */
    public record Choice(String metric, boolean minimize) {
    }
}
