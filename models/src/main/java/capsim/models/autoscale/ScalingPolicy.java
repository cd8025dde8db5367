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

    /**
     * How long before {@code nowS} the capacity the policy wants at {@code nowS} was set, seconds:
     * 0 for a policy that decides on what it observes. A schedule's window that opened before the
     * run began had its nodes launched at its opening, so at the first decision they have already
     * booted for that long.
     */
    default double setAgoS(double nowS) {
        return 0;
    }

    /** The desired capacity after observing {@code observation}, within the policy's min..max. */
    int desired(Observation observation);
}
