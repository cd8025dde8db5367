package capsim.models.spec;

import capsim.models.load.ModelOverride;
import java.util.List;

/**
 * {@code sweep:} the points of a sweep, each a list of overrides of the base model, in order;
 * {@code parameters} are the paths the points set, in the order they are first named (a point
 * that does not set one keeps the base model's value). A {@code grid} is expanded to its
 * cartesian product, the first parameter varying slowest.
 */
public record SweepSpec(List<String> parameters, List<List<ModelOverride>> points) {
    public SweepSpec {
        parameters = List.copyOf(parameters);
        points = points.stream().map(List::copyOf).toList();
    }
}
