package capsim.models.spec;

import java.util.List;
import java.util.Optional;

/**
 * What slows a tier's nodes from outside their queues: {@code capacity_regimes} (speed levels
 * with exponential dwell times, each node on its own unless {@code regimesShared}, when the
 * whole tier changes level at once) and {@code stalls} (full stops at random times).
 */
public record InterferenceSpec(List<Regime> regimes, boolean regimesShared, Optional<Stalls> stalls) {
    public InterferenceSpec {
        regimes = List.copyOf(regimes);
    }

    /** One speed level: {@code speed} (relative to full, > 0) for Exp(mean {@code meanS}) seconds. */
    public record Regime(double speed, double meanS) {
    }

    /** Stops at {@code ratePerS} while serving, each lasting {@code durationMs}. */
    public record Stalls(double ratePerS, DistSpec durationMs) {
    }
}
