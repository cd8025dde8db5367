package capsim.models.spec;

/**
 * {@code managed:} a tier that is a managed service: a database (multi-AZ fails over in
 * {@code failover_s}, a single instance is replaced in {@code recovery_s}) or a cache (a lost
 * node comes back empty: its hit ratio refills over {@code refill_s}).
 */
public record ManagedSpec(Kind kind, boolean multiAz, double mtbfH, double failoverS, double recoveryS,
                          double refillS) {
    public enum Kind { DATABASE, CACHE }
}
