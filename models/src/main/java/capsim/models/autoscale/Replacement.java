package capsim.models.autoscale;

import capsim.models.spec.AutoscaleSpec.Policy;
import capsim.models.spec.FailureSpec;
import capsim.models.spec.TierSpec;
import java.util.OptionalDouble;

/**
 * When an autoscaled group gives up a failed node and launches its replacement (the
 * {@link Autoscaler} does both, {@link Autoscaler#replace}).
 *
 * <ul>
 *   <li>AWS EC2 Auto Scaling (policies {@code target_tracking}, {@code step}, {@code scheduled}):
 *       "When Amazon EC2 Auto Scaling determines that an InService instance is unhealthy, it
 *       replaces it with a new instance to maintain the desired capacity of the group" (EC2 Auto
 *       Scaling user guide, "Health checks for instances in an Auto Scaling group"); with the
 *       Elastic Load Balancing health check turned on for the group, the instance is unhealthy
 *       when the load balancer marks it so, i.e. after the tier's {@code detect_s}. The group
 *       terminates the unhealthy instance, then launches (the ELB health-check announcement,
 *       AWS News Blog: "a TerminateInstance scaling activity followed by a LaunchInstance
 *       activity").</li>
 *   <li>Kubernetes ({@code hpa}): a Deployment's ReplicaSet recreates the pods of a node that
 *       stops reporting once they are evicted: the node is marked unhealthy after
 *       {@code --node-monitor-grace-period} (40 s, kube-controller-manager reference, Kubernetes
 *       1.28; 50 s from 1.32) and its pods carry the default tolerations of
 *       {@code node.kubernetes.io/not-ready} and {@code unreachable} with
 *       {@code tolerationSeconds=300} ("Taints and Tolerations", taint-based evictions), so they
 *       are evicted 340 s after the node fails.</li>
 * </ul>
 *
 * <p>A managed tier ({@code managed:}) is replaced or failed over by its provider, not by the
 * group: it is never replaced here.
 */
public final class Replacement {
    /** kube-controller-manager {@code --node-monitor-grace-period}, Kubernetes 1.28 (50 s from 1.32). */
    public static final double NODE_MONITOR_GRACE_S = 40;
    /** The default {@code tolerationSeconds} of the not-ready and unreachable NoExecute taints. */
    public static final double DEFAULT_TOLERATION_S = 300;
    /** From a node's failure to the eviction of its pods, seconds. */
    public static final double POD_EVICTION_S = NODE_MONITOR_GRACE_S + DEFAULT_TOLERATION_S;

    private Replacement() {
    }

    /**
     * How long after one of its nodes fails the group of {@code tier} gives the node up and
     * launches a replacement, seconds; empty when nothing replaces it (no {@code autoscale}, or a
     * managed service).
     */
    public static OptionalDouble noticeS(TierSpec tier) {
        if (tier.operations().autoscale().isEmpty() || tier.operations().managed().isPresent()) {
            return OptionalDouble.empty();
        }
        if (tier.operations().autoscale().get().policy() == Policy.HPA) {
            return OptionalDouble.of(POD_EVICTION_S);
        }
        return OptionalDouble.of(tier.operations().failures().map(FailureSpec::detectS)
                .orElse(FailureSpec.DEFAULT_DETECT_S));
    }
}
