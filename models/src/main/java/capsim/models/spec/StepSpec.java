package capsim.models.spec;

import java.util.List;
import java.util.OptionalDouble;

/**
 * One step of a request: {@code repeat} visits in sequence to {@code tier}, each with a service
 * demand from {@code service_ms}. With {@code hit_ratio}, the visit is a cache look-up: on a
 * miss (probability 1 - hit_ratio) the {@code on_miss} steps run next.
 */
public record StepSpec(String tier, DistSpec serviceMs, int repeat, OptionalDouble hitRatio, List<StepSpec> onMiss) {
    public StepSpec {
        onMiss = List.copyOf(onMiss);
    }
}
