package capsim.models.spec;

import capsim.models.load.ModelOverride;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * An experiment file: a {@code base} model (its path resolved against the experiment file's
 * folder), overrides of its {@code run:} settings for every model the experiment runs, and
 * exactly one of {@code sweep} (with an optional {@code choose}) or {@code tune}.
 */
public record ExperimentSpec(Path file, Path base, List<ModelOverride> run, Optional<SweepSpec> sweep,
                             Optional<Choice> choose, Optional<TuneSpec> tune) {
    public ExperimentSpec {
        run = List.copyOf(run);
    }

    /** {@code choose: {minimize|maximize: METRIC}}: the best point among those passing every SLO. */
    public record Choice(String metric, boolean minimize) {
    }
}
