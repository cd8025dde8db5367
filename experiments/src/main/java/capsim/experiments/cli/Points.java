package capsim.experiments.cli;

import capsim.experiments.sweep.SweepPoint;
import capsim.models.load.ModelOverride;
import capsim.models.spec.ExperimentSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The models of an experiment's points: its base with the run settings, the point's values and {@code --set}. */
final class Points {
    private Points() {
    }

    /**
     * Loads and checks every point (overrides in order: the experiment's {@code run:} and {@code set:}, the point's
     * own, then {@code commandLine}); the problems of all points are reported together.
     */
    static List<SweepPoint> resolve(ExperimentSpec experiment, List<List<ModelOverride>> points,
                                    List<ModelOverride> commandLine) throws InvalidInputException {
        List<SweepPoint> resolved = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            List<ModelOverride> overrides = new ArrayList<>(experiment.fixed());
            overrides.addAll(points.get(i));
            overrides.addAll(commandLine);
            try {
                ModelArgument.Loaded loaded = ModelArgument.load(experiment.base(), overrides);
                CheckedModel checked = CheckedModel.check(loaded.spec(), loaded.catalog());
                resolved.add(new SweepPoint(i + 1, points.get(i), checked.spec(), checked.summaryBuilder()));
            } catch (InvalidInputException e) {
                String point = String.format(java.util.Locale.ROOT, "point %03d (%s): ", i + 1,
                        String.join(", ", points.get(i).stream().map(ModelOverride::toString).toList()));
                e.lines().forEach(line -> problems.add(point + line));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return resolved;
    }

    /** The experiment's name: its file name without the extension. */
    static String name(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
