package capsim.models.autoscale;

/**
 * One autoscaling policy of one tier in one replication (it keeps its own history: datapoints,
 * cooldowns, recommendations). The {@link Autoscaler} asks it at {@link #nextDecisionS} and
 * makes the tier match the capacity it returns.
 */
public interface ScalingPolicy {
    /** The time of the decision after one at {@code nowS}; the metric period runs in between. */
    double nextDecisionS(double nowS);

    /** How long after entering service a newly launched node's metric starts to count, seconds. */
    default double warmupS() {
        return 0;
    }

    /** The desired capacity after observing {@code observation}, within the policy's min..max. */
    int desired(Observation observation);
}
