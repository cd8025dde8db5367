package capsim.models.tier;

/**
 * The factors a node's speed is the product of: a visit's service time on the node is its demand
 * (seconds on the catalog's reference type) divided by that product. {@link Node} composes them,
 * in this one place, and hands the product to its station; a tier's {@link Interference}
 * (regimes, stalls) is a path over time that the station multiplies on top.
 *
 * <p>A factor either changes how much work one second of CPU does ({@link #CPU}: a faster
 * processor) or is the share of wall-clock time the node gets its CPU ({@link #CREDITS}: a
 * burstable node held at baseline). Only shares scale the CPU time a node is charged for (burst
 * credits count CPU time used): a job of demand d on a node of CPU speed s at share b is busy for
 * d / (s b) seconds and uses d / s CPU-seconds.
 */
public enum SpeedFactor {
    /** The node type's CPU speed relative to the reference type (a clock ratio); fixed for a node. */
    CPU(false),
    /** A burstable node's CPU share: {@code baseline_per_vcpu} while a standard-mode balance is empty, else 1. */
    CREDITS(true),
    /**
     * A load-dependent demand: 1 / the factor a tier's {@code load_dependence} puts on a visit's
     * demand at the node's recent utilisation ({@link RecentUtilisation}); set before each visit,
     * 1 without one. It changes the work a visit takes, not the node's share of its CPU.
     */
    LOAD(false);

    private final boolean cpuShare;

    SpeedFactor(boolean cpuShare) {
        this.cpuShare = cpuShare;
    }

    /** True if the factor is a share of wall-clock time on the CPU (and so scales the CPU time charged). */
    public boolean cpuShare() {
        return cpuShare;
    }
}
