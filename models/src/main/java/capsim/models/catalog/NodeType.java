package capsim.models.catalog;

import java.util.Optional;

/**
 * A node type: vCPUs, memory, on-demand price, burst-credit parameters for burstable types, and
 * where the numbers come from.
 */
public record NodeType(String name, int vcpu, double memoryGb, double hourlyUsd, Optional<BurstCredits> credits,
                       String source) {

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
