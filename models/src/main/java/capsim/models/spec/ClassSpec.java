package capsim.models.spec;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One request class ({@code workload.classes[]}). Either an open stream at {@code rate_per_s}
 * (shaped by {@code arrival}), or a closed population of {@code users} who each wait
 * {@code think_s} (exponential) between a response and their next request. With
 * {@code max_in_flight} the client holds at most that many requests under way (a connection
 * pool): the others wait at the client, first come first served, and their wait counts in
 * their latency. With {@code client_stalls} the client itself stops at random times (its core
 * preempted or descheduled): a request due during a stall is issued at its end, and a reply that
 * arrives during one is received at its end; latency still counts from the intended start.
 */
public record ClassSpec(String name, OptionalDouble ratePerS, OptionalInt users, OptionalDouble thinkS,
                        ArrivalSpec arrival, List<StepSpec> steps, OptionalInt maxInFlight,
                        Optional<InterferenceSpec.Stalls> clientStalls) {
    public ClassSpec {
        steps = List.copyOf(steps);
    }

    /** A class whose client does not stall. */
    public ClassSpec(String name, OptionalDouble ratePerS, OptionalInt users, OptionalDouble thinkS,
                     ArrivalSpec arrival, List<StepSpec> steps, OptionalInt maxInFlight) {
        this(name, ratePerS, users, thinkS, arrival, steps, maxInFlight, Optional.empty());
    }

    /** A class without a limit on requests in flight. */
    public ClassSpec(String name, OptionalDouble ratePerS, OptionalInt users, OptionalDouble thinkS,
                     ArrivalSpec arrival, List<StepSpec> steps) {
        this(name, ratePerS, users, thinkS, arrival, steps, OptionalInt.empty());
    }

    public boolean closed() {
        return users.isPresent();
    }
}
