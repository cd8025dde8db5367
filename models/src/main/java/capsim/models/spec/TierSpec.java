package capsim.models.spec;

import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One tier ({@code tiers[]}): {@code count} nodes of type {@code node}, each with
 * {@code workers} servers (default: the type's vCPUs) under {@code discipline}, picked by
 * {@code balancer}. A {@code custom} node gives {@code vcpu}, {@code memory_gb} and
 * {@code hourly_usd} itself. {@code operations} holds boot, drain, zones, autoscaling,
 * CPU credits, failures and managed-service behaviour; {@code speed} the tier's {@code cpu_speed}
 * and {@code measured_on}.
 */
public record TierSpec(String name, String node, int count, OptionalInt workers, Discipline discipline,
                       Balancer balancer, OptionalInt queueLimit, OptionalDouble timeoutMs,
                       OptionalLong maxConnections, OptionalInt vcpu, OptionalDouble memoryGb,
                       OptionalDouble hourlyUsd, OperationsSpec operations, SpeedSpec speed) {

    /** A tier at the node type's own speed, service times as measured on the reference type. */
    public TierSpec(String name, String node, int count, OptionalInt workers, Discipline discipline,
                    Balancer balancer, OptionalInt queueLimit, OptionalDouble timeoutMs,
                    OptionalLong maxConnections, OptionalInt vcpu, OptionalDouble memoryGb,
                    OptionalDouble hourlyUsd, OperationsSpec operations) {
        this(name, node, count, workers, discipline, balancer, queueLimit, timeoutMs, maxConnections, vcpu,
                memoryGb, hourlyUsd, operations, SpeedSpec.DEFAULT);
    }

    /** A tier with default operations (fixed count, no failures). */
    public TierSpec(String name, String node, int count, OptionalInt workers, Discipline discipline,
                    Balancer balancer, OptionalInt queueLimit, OptionalDouble timeoutMs,
                    OptionalLong maxConnections, OptionalInt vcpu, OptionalDouble memoryGb,
                    OptionalDouble hourlyUsd) {
        this(name, node, count, workers, discipline, balancer, queueLimit, timeoutMs, maxConnections, vcpu,
                memoryGb, hourlyUsd, OperationsSpec.DEFAULT);
    }

    /**
     * The node type as a bill shows it: the catalog name, or for a {@code custom} node its own
     * size, e.g. {@code custom 2 vCPU 4 GB}, so that custom tiers of different sizes read apart.
     */
    public String nodeLabel() {
        if (!"custom".equals(node) || vcpu.isEmpty() || memoryGb.isEmpty()) {
            return node;
        }
        double gb = memoryGb.getAsDouble();
        String memory = gb == Math.rint(gb) ? String.valueOf((long) gb) : String.valueOf(gb);
        return node + " " + vcpu.getAsInt() + " vCPU " + memory + " GB";
    }

    public enum Discipline { FCFS, PS }

    public enum Balancer { ROUND_ROBIN, LEAST_CONNECTIONS, RANDOM, POWER_OF_TWO }
}
