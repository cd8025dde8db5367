package capsim.models.spec;

import java.util.List;
import java.util.Optional;

/** {@code workload:} the rate profile, the request classes and the optional WebSocket load. */
public record WorkloadSpec(ProfileSpec profile, List<ClassSpec> classes, Optional<WebSocketSpec> websocket) {
    public WorkloadSpec {
        classes = List.copyOf(classes);
    }
}
