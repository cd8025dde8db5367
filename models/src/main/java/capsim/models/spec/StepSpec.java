package capsim.models.spec;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One step of a request: {@code repeat} visits in sequence to {@code tier}, each with a service
 * demand from {@code service_ms}, measured on the catalog type {@code measured_on} (default: the
 * tier's {@code measured_on}, else the reference type). With {@code hit_ratio}, the visit is a
 * cache look-up: on a miss (probability 1 - hit_ratio) the {@code on_miss} steps run next. A
 * {@code delay} step ({@code delay_ms: DIST} in the file) visits no tier: the request just waits
 * {@code serviceMs} (an external API, the client's own processing), and no network hop follows
 * it; its {@code tier} is empty.
 */
public record StepSpec(String tier, DistSpec serviceMs, int repeat, OptionalDouble hitRatio, List<StepSpec> onMiss,
                       Optional<String> measuredOn, boolean delay) {
    public StepSpec {
        onMiss = List.copyOf(onMiss);
    }

    /** A tier visit measured where {@code measuredOn} says. */
    public StepSpec(String tier, DistSpec serviceMs, int repeat, OptionalDouble hitRatio, List<StepSpec> onMiss,
                    Optional<String> measuredOn) {
        this(tier, serviceMs, repeat, hitRatio, onMiss, measuredOn, false);
    }

    /** A step whose service time is as measured where its tier says. */
    public StepSpec(String tier, DistSpec serviceMs, int repeat, OptionalDouble hitRatio, List<StepSpec> onMiss) {
        this(tier, serviceMs, repeat, hitRatio, onMiss, Optional.empty());
    }

    /** A pure delay of {@code delayMs}, {@code repeat} times. */
    public static StepSpec delay(DistSpec delayMs, int repeat) {
        return new StepSpec("", delayMs, repeat, OptionalDouble.empty(), List.of(), Optional.empty(), true);
    }
}
