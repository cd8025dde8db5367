package capsim.models.autoscale;

import capsim.models.spec.AutoscaleSpec;

/** Node-count arithmetic shared by the policies. */
final class Capacity {
    /** Slack for ceil(): ready x metric / target computed as 3.0000000000000004 is 3 nodes. */
    private static final double SLACK = 1e-9;

    private Capacity() {
    }

    /** The smallest whole number of nodes >= {@code nodes} (up to rounding noise). */
    static int ceil(double nodes) {
        return (int) Math.ceil(nodes - SLACK);
    }

    /** {@code nodes} within the spec's min..max. */
    static int clamp(int nodes, AutoscaleSpec spec) {
        return Math.max(spec.min(), Math.min(spec.max(), nodes));
    }
}
