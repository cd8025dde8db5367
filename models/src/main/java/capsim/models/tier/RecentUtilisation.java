package capsim.models.tier;

/**
 * A node's recent utilisation, and the factor by which it scales a visit's demand under a tier's
 * {@code load_dependence} ({@link capsim.models.spec.InterferenceSpec.LoadDependence}).
 *
 * <p>U = (the busy server-seconds the node's station has reported, each weighted by
 * e^{-age / horizon}) / (horizon x servers), at most 1, and the demand factor is
 * idleFactor - (idleFactor - 1) U. Busy time counts when the station reports it: a FCFS station
 * books a job's whole service when the job arrives, a processor-sharing station reports it as it
 * is done. Either way, in a steady state the reports come at U x servers server-seconds a second
 * and the weighted sum is U x servers x horizon, so U is the node's utilisation; a FCFS node's U
 * leads its busy time by the work booked ahead.
 */
final class RecentUtilisation {
    private final double idleFactor;
    private final double horizonS;
    private final double servers;
    /** The weighted busy server-seconds at {@link #atS}. */
    private double weighted;
    private double atS;

    RecentUtilisation(double idleFactor, double horizonS, int servers) {
        this.idleFactor = idleFactor;
        this.horizonS = horizonS;
        this.servers = servers;
    }

    /** {@code serverS} busy server-seconds reported at {@code nowS} (not before the last report or question). */
    void busy(double nowS, double serverS) {
        decayTo(nowS);
        weighted += serverS;
    }

    /** The utilisation at {@code nowS}, at most 1. */
    double utilisation(double nowS) {
        decayTo(nowS);
        return Math.min(1, weighted / (horizonS * servers));
    }

    /** The factor on a visit's demand at {@code nowS}: idleFactor on an idle node, 1 on a fully busy one. */
    double demandFactor(double nowS) {
        return idleFactor - (idleFactor - 1) * utilisation(nowS);
    }

    private void decayTo(double nowS) {
        if (nowS > atS) {
            weighted *= Math.exp(-(nowS - atS) / horizonS);
            atS = nowS;
        }
    }
}
