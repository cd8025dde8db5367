package capsim.models.failure;

import java.util.List;

/**
 * How a failure simulated in a compressed block departs from the real one (docs/uptime.md): its
 * longest outage is {@code outageS} shorter; a replaced node's replacement boots {@code bootS}
 * faster; a cache that comes back empty has its refill moved on at the {@code refill} jumps.
 */
public record Cuts(double outageS, double bootS, List<RefillJump> refill) {
    /** Nothing cut: the failure as it is. */
    public static final Cuts NONE = new Cuts(0, 0, List.of());

    public Cuts {
        refill = List.copyOf(refill);
    }

    /** Only the longest outage cut, {@code outageS} shorter. */
    public static Cuts outage(double outageS) {
        return new Cuts(outageS, 0, List.of());
    }

    /**
     * {@code afterRepairS} seconds after a cold cache is back, its refill has lasted {@code ageS}
     * (the windows between are left out: the cache is taken on to that point of its refill).
     */
    public record RefillJump(double afterRepairS, double ageS) {
    }
}
