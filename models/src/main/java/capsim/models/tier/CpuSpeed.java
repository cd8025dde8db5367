package capsim.models.tier;

import capsim.models.catalog.Catalog;
import capsim.models.catalog.NodeType;
import capsim.models.spec.StepSpec;
import capsim.models.spec.TierSpec;
import java.util.Optional;

/**
 * The fixed part of node speed, read from the model and the catalog: the CPU speed of a tier's
 * nodes, and how a service time measured on some type converts to demand on the reference type.
 *
 * <p>Model (a first-order proxy, see docs/node-speed.md): a service time t measured on a type of
 * speed m is a demand of t x m seconds on the reference type; on a node of speed s it takes
 * t x m / s. Speeds are clock ratios from the catalog; a tier's {@code cpu_speed} overrides its
 * type's; a custom node without one runs at the reference speed.
 */
public final class CpuSpeed {
    private CpuSpeed() {
    }

    /** The CPU speed of {@code tier}'s nodes: its {@code cpu_speed}, else its type's catalog speed, else 1. */
    public static double of(TierSpec tier, Catalog catalog) {
        return tier.speed().cpuSpeed()
                .orElse(catalog.find(tier.node()).map(NodeType::cpuSpeed).orElse(1.0));
    }

    /**
     * The factor turning a service time of {@code step} into demand on the reference type: the
     * catalog speed of the type it was measured on (the step's {@code measured_on}, else its tier's),
     * 1 when none is given.
     */
    public static double demandScale(StepSpec step, TierSpec tier, Catalog catalog) {
        return scaleOf(step.measuredOn().or(() -> tier.speed().measuredOn()), catalog);
    }

    /** As {@link #demandScale(StepSpec, TierSpec, Catalog)} for a visit that is no step (WebSocket, pub/sub). */
    public static double demandScale(TierSpec tier, Catalog catalog) {
        return scaleOf(tier.speed().measuredOn(), catalog);
    }

    private static double scaleOf(Optional<String> measuredOn, Catalog catalog) {
        return measuredOn.flatMap(catalog::find).map(NodeType::cpuSpeed).orElse(1.0);
    }
}
