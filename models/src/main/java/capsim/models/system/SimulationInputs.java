package capsim.models.system;

import capsim.models.catalog.Catalog;
import capsim.models.catalog.NodeType;
import capsim.models.spec.CostSpec;
import capsim.models.spec.ModelSpec;
import capsim.models.spec.TierSpec;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a replication's result ({@link ModelRunner#run}) depends on, as text: the model without
 * what only prices it. Left out are the currency, the cost section (lines, users, budget), the
 * file the model came from, and each node type's price and memory; a catalog type is written as
 * the numbers a run reads from it (vCPUs, CPU speed, and for a burstable type its credits earned
 * per hour, baseline and largest balance; not the surplus price), and a custom tier's
 * {@code hourly_usd} and {@code memory_gb} are left out. Two models with the same text give the
 * same replications, event for event: t3.small and t3.medium (2 vCPUs, the same processor and
 * credit rates; 2 GB and 4 GB, $0.0208 and $0.0416 an hour) are the same to a run, and only
 * their bills differ, which the summary computes from the model itself.
 */
public final class SimulationInputs {
    private SimulationInputs() {
    }

    /** The text of what {@code model}'s replications depend on, its node types taken from {@code catalog}. */
    public static String of(ModelSpec model, Catalog catalog) {
        ModelSpec simulated = new ModelSpec(model.name(), model.title(), Optional.empty(), model.run(),
                model.workload(), model.tiers().stream().map(t -> simulated(t, catalog)).toList(), model.network(),
                model.slo(), "", CostSpec.NONE, model.uptime(), model.zoneFailures());
        return simulated.toString();
    }

    private static TierSpec simulated(TierSpec t, Catalog catalog) {
        String node = catalog.find(t.node()).map(SimulationInputs::simulated).orElse(t.node());
        return new TierSpec(t.name(), node, t.count(), t.workers(), t.discipline(), t.balancer(), t.queueLimit(),
                t.timeoutMs(), t.maxConnections(), t.vcpu(), OptionalDouble.empty(), OptionalDouble.empty(),
                t.operations(), t.speed());
    }

    private static String simulated(NodeType type) {
        return "node type: " + type.vcpu() + " vCPU at speed " + type.cpuSpeed() + type.credits()
                .map(c -> ", credits " + c.earnedPerHour() + "/h, baseline " + c.baselinePerVcpu() + ", max "
                        + c.maxBalance()).orElse("");
    }
}
