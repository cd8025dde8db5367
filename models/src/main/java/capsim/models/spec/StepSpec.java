package capsim.models.spec;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One step of a request: {@code repeat} visits in sequence to {@code tier}, each with a service
 * demand from {@code service_ms}, measured on the catalog type {@code measured_on} (default: the
 * tier's {@code measured_on}, else the reference type). With {@code hit_ratio}, the visit is a
 * cache look-up: on a miss (probability 1 - hit_ratio) the {@code on_miss} steps run next.
 */
public record StepSpec(String tier, DistSpec serviceMs, int repeat, OptionalDouble hitRatio, List<StepSpec> onMiss,
                       Optional<String> measuredOn) {
    public StepSpec {
        onMiss = List.copyOf(onMiss);
    }

    /** A step whose service time is as measured where its tier says. */
    public StepSpec(String tier, DistSpec serviceMs, int repeat, OptionalDouble hitRatio, List<StepSpec> onMiss) {
        this(tier, serviceMs, repeat, hitRatio, onMiss, Optional.empty());
    }
}
