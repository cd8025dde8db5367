package capsim.models.spec;

import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One request class ({@code workload.classes[]}). Either an open stream at {@code rate_per_s}
 * (shaped by {@code arrival}), or a closed population of {@code users} who each wait
 * {@code think_s} (exponential) between a response and their next request.
 */
public record ClassSpec(String name, OptionalDouble ratePerS, OptionalInt users, OptionalDouble thinkS,
                        ArrivalSpec arrival, List<StepSpec> steps) {
    public ClassSpec {
        steps = List.copyOf(steps);
    }

    public boolean closed() {
        return users.isPresent();
    }
}
