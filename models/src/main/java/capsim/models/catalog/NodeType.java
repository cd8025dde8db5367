package capsim.models.catalog;

import java.util.Optional;

/**
 * A node type: vCPUs, memory, on-demand price, burst-credit parameters for burstable types, and
 * where the numbers come from.
 */
public record NodeType(String name, int vcpu, double memoryGb, double hourlyUsd, Optional<BurstCredits> credits,
                       String source) {

    /**
     * Burstable-CPU parameters (AWS EC2 user guide, burstable performance instances): credits
     * earned per hour, baseline utilisation per vCPU (0..1), maximum balance in credits.
     */
    public record BurstCredits(double earnedPerHour, double baselinePerVcpu, double maxBalance) {
    }
}
