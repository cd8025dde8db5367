package capsim.models.spec;

/**
 * {@code managed:} a tier that is a managed service; each of its nodes (an instance) fails after
 * exponential times of mean {@code mtbf_h} hours. A multi-AZ instance fails over to its standby
 * in {@code failover_s}; a single instance is replaced in {@code recovery_s}. Clients keep using
 * the service's endpoint meanwhile, so its visits fail until it is back. A cache replaced
 * without a replica comes back empty and its hit ratio refills over {@code refill_s}.
 */
public record ManagedSpec(Kind kind, boolean multiAz, double mtbfH, double failoverS, double recoveryS,
                          double refillS) {
    /** RDS Multi-AZ failover: "typically 60-120 s" (RDS user guide); the middle of that range. */
    public static final double DATABASE_FAILOVER_S = 90;
    /**
     * ElastiCache Multi-AZ: writes resume within seconds of the replica's promotion; 30 s is an
     * assumption for detection plus promotion, no AWS document states a total.
     */
    public static final double CACHE_FAILOVER_S = 30;
    /**
     * A single instance replaced and restored: 10 minutes, the upper end of the "typically 5-10
     * minutes or more" assumption of FACTS.md (no AWS document states it).
     */
    public static final double RECOVERY_S = 600;
    /** Time for an emptied cache to regain 95% of its hit ratio: an assumption (5 minutes). */
    public static final double REFILL_S = 300;

    public enum Kind { DATABASE, CACHE }

    /** How long one failure keeps an instance down: failover (multi-AZ) or replacement. */
    public double downS() {
        return multiAz ? failoverS : recoveryS;
    }

    /** True when an instance comes back empty: a cache without a replica. */
    public boolean comesBackCold() {
        return kind == Kind.CACHE && !multiAz;
    }
}
