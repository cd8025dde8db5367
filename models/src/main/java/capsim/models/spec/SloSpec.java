package capsim.models.spec;

import java.util.OptionalDouble;

/**
 * One target: the number at {@code metric} (a summary.json path such as
 * {@code classes.api.latency_ms.p99}) must be at most {@code max} or at least {@code min}.
 * Exactly one of the two is present.
 */
public record SloSpec(String metric, OptionalDouble max, OptionalDouble min) {
}
