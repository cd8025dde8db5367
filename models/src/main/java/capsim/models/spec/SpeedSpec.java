package capsim.models.spec;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A tier's CPU speed keys: {@code cpu_speed}, its nodes' speed relative to the catalog's reference
 * type (default: the node type's catalog speed; 1 for a custom node), and {@code measured_on}, the
 * catalog type on which the {@code service_ms} of the steps visiting the tier (and the WebSocket
 * {@code send_ms} or {@code pubsub_ms} on it) were measured (default: the reference type); a step
 * may name its own.
 */
public record SpeedSpec(OptionalDouble cpuSpeed, Optional<String> measuredOn) {
    /** Neither key given. */
    public static final SpeedSpec DEFAULT = new SpeedSpec(OptionalDouble.empty(), Optional.empty());
}
