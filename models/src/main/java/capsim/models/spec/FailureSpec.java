package capsim.models.spec;

/**
 * {@code failures:} on a tier: each node fails after exponential times of mean {@code mtbf_h}
 * hours and is back {@code mttr_s} later; the balancer notices after {@code detect_s}
 * (health-check detection delay), until when work sent to the node fails. Default detection:
 * {@link #DEFAULT_DETECT_S}.
 */
public record FailureSpec(double mtbfH, double mttrS, double detectS) {
    /**
     * 45 s: an ALB target group checks every 30 s and takes a target out after 2 failed checks
     * (HealthCheckIntervalSeconds 30, UnhealthyThresholdCount 2: Elastic Load Balancing user
     * guide, "Health checks for your target groups"); the first failed check comes on average
     * 15 s after the failure, the second 30 s later.
     */
    public static final double DEFAULT_DETECT_S = 45;
}
