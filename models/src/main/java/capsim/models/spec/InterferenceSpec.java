package capsim.models.spec;

import java.util.List;
import java.util.Optional;

/**
 * What slows a tier's nodes from outside their queues: {@code capacity_regimes} (speed levels
 * with exponential dwell times, each node on its own unless {@code regimesShared}, when the
 * whole tier changes level at once), {@code stalls} (full stops at random times),
 * {@code wake_up} (a delay before an idle node serves again) and {@code load_dependence} (a
 * demand that grows as the node's recent utilisation falls).
 */
public record InterferenceSpec(List<Regime> regimes, boolean regimesShared, Optional<Stalls> stalls,
                               Optional<WakeUp> wakeUp, Optional<LoadDependence> loadDependence) {
    public InterferenceSpec {
        regimes = List.copyOf(regimes);
    }

    /** Without a load dependence. */
    public InterferenceSpec(List<Regime> regimes, boolean regimesShared, Optional<Stalls> stalls,
                            Optional<WakeUp> wakeUp) {
        this(regimes, regimesShared, stalls, wakeUp, Optional.empty());
    }

    /** Without a wake-up. */
    public InterferenceSpec(List<Regime> regimes, boolean regimesShared, Optional<Stalls> stalls) {
        this(regimes, regimesShared, stalls, Optional.empty());
    }

    /** One speed level: {@code speed} (relative to full, > 0) for Exp(mean {@code meanS}) seconds. */
    public record Regime(double speed, double meanS) {
    }

    /** Stops at {@code ratePerS} while serving, each lasting {@code durationMs}. */
    public record Stalls(double ratePerS, DistSpec durationMs) {
    }

    /**
     * A job that finds a node idle waits {@code durationMs} x (1 - e^{-idle / idleScaleMs}) before
     * the node serves (idleScaleMs 0: the full duration whatever the idle time).
     */
    public record WakeUp(DistSpec durationMs, double idleScaleMs) {
    }

    /**
     * A visit's demand is its {@code service_ms} x (idleFactor - (idleFactor - 1) U), U the node's
     * utilisation over about the last {@code horizonS} (exponentially weighted, at most 1): as
     * given on a fully busy node, idleFactor times that on an idle one (a CPU clocked down, caches
     * gone cold).
     */
    public record LoadDependence(double idleFactor, double horizonS) {
    }
}
