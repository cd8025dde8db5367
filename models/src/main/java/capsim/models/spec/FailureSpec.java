package capsim.models.spec;

/**
 * {@code failures:} on a tier: each node fails after exponential times of mean {@code mtbf_h}
 * hours and is back after {@code mttr_s}; the balancer notices after {@code detect_s}
 * (health-check detection delay), until when work sent to the node fails.
 */
public record FailureSpec(double mtbfH, double mttrS, double detectS) {
}
