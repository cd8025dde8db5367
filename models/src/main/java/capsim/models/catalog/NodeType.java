package capsim.models.catalog;

import java.util.Optional;

/**
 * A node type: vCPUs, memory, on-demand price, burst-credit parameters for burstable types, its
 * provider, its CPU speed relative to the catalog's reference type, and where the numbers come
 * from ({@code source} for size and price, {@code speedSource} for the speed).
 *
 * <p>{@code cpuSpeed} is a first-order proxy: the sustained all-core turbo clock of the type's
 * processor divided by the reference type's (see {@link Catalog#reference()}); a step's service
 * demand measured on the reference takes demand / cpuSpeed on this type.
 */
public record NodeType(String name, int vcpu, double memoryGb, double hourlyUsd, Optional<BurstCredits> credits,
                       String source, String provider, double cpuSpeed, String speedSource) {

    public NodeType {
        if (!(cpuSpeed > 0) || Double.isInfinite(cpuSpeed)) {
            throw new IllegalArgumentException("cpu speed of " + name + " must be > 0, was " + cpuSpeed);
        }
    }

    /** A type at the reference speed, of no named provider (tests and hand-built catalogs). */
    public NodeType(String name, int vcpu, double memoryGb, double hourlyUsd, Optional<BurstCredits> credits,
                    String source) {
        this(name, vcpu, memoryGb, hourlyUsd, credits, source, "", 1.0, "taken as the reference");
    }

    /**
     * Burstable-CPU parameters (AWS EC2 user guide, burstable performance instances; the catalog
     * cites each type's source): credits earned per hour, baseline utilisation per vCPU (0..1),
     * maximum balance in credits, and the price of surplus credits in unlimited mode, USD per
     * vCPU-hour (one credit is 1/60 vCPU-hour; the service sets it: EC2 and RDS differ).
     */
    public record BurstCredits(double earnedPerHour, double baselinePerVcpu, double maxBalance,
                               double surplusUsdPerVcpuHour) {
        /** The price of {@code credits} surplus credits, USD. */
        public double surplusUsd(double credits) {
            return credits / 60.0 * surplusUsdPerVcpuHour;
        }
    }
}
