package capsim.models.failure;

import capsim.models.autoscale.Replacement;
import capsim.models.spec.FailureSpec;
import capsim.models.spec.ManagedSpec;
import capsim.models.spec.TierSpec;
import java.util.List;

/**
 * What one failure does to one node: it is down for {@code downS}; the balancer stops sending to
 * it after {@code detectS} (infinite: never, e.g. a managed service whose endpoint clients keep
 * using); with {@code cold} it comes back with an empty cache that refills over {@code refillS}.
 * In an autoscaled tier the group gives the node up after {@code replaceS} if it is still down
 * then (infinite: never; see {@link Replacement}) and launches a replacement that is in service
 * {@code bootS} later; the node does not come back. The tier is settled {@code clearS} after
 * that: the requests its survivors queued while it was short have finished.
 *
 * <p>{@code clearS} is one uptime window. A window's latencies are those of the requests that
 * finish in it, so the backlog survivors built while overloaded shows in the windows after the
 * replacement serves. Under a balancer that sends new work to the least-loaded nodes, survivors
 * offered rho' of their capacity for the shortfall s clear it in (rho' - 1) s: 22.5 s for a tier
 * that loses half its nodes at 62.5% for a 90 s boot. One window covers such backlogs; a longer
 * one (a round-robin balancer near saturation) still shows in the first window after it.
 */
public record Impact(double detectS, double downS, boolean cold, double refillS, double replaceS, double bootS,
                     double clearS) {
    /** A failure that nothing replaces: the node is back after its outage. */
    Impact(double detectS, double downS, boolean cold, double refillS) {
        this(detectS, downS, cold, refillS, Double.POSITIVE_INFINITY, 0, 0);
    }

    /** A node failure of {@code tier}, a tier with {@code failures}; {@code windowS} is the uptime window. */
    static Impact ofNode(TierSpec tier, FailureSpec f, double windowS) {
        return replaced(tier, new Impact(f.detectS(), f.mttrS(), false, 0), true, windowS);
    }

    /** An instance failure of a managed service. */
    static Impact ofManaged(ManagedSpec m) {
        return new Impact(Double.POSITIVE_INFINITY, m.downS(), m.comesBackCold(), m.refillS());
    }

    /**
     * A node of {@code tier} in {@code zone}, which is down for {@code mttrS}: a multi-AZ managed
     * service fails over to its standby in another zone, a single instance waits for its zone, a
     * plain node is detected by the health checks and waits for its zone, or, in an autoscaled
     * tier with another zone, is replaced there.
     */
    static Impact ofZone(TierSpec tier, String zone, double mttrS, double windowS) {
        if (tier.operations().managed().isPresent()) {
            ManagedSpec m = tier.operations().managed().get();
            double downS = m.multiAz() ? m.failoverS() : mttrS;
            return new Impact(Double.POSITIVE_INFINITY, downS, m.comesBackCold(), m.refillS());
        }
        double detectS = tier.operations().failures().map(FailureSpec::detectS).orElse(FailureSpec.DEFAULT_DETECT_S);
        List<String> zones = tier.operations().zones();
        boolean otherZone = zones.stream().anyMatch(z -> !z.equals(zone));
        return replaced(tier, new Impact(detectS, mttrS, false, 0), otherZone, windowS);
    }

    /**
     * {@code impact} with the replacement of {@code tier}'s group, if it has one and
     * {@code possible}, settled one uptime window ({@code windowS}) after the replacement serves.
     */
    private static Impact replaced(TierSpec tier, Impact impact, boolean possible, double windowS) {
        var noticeS = Replacement.noticeS(tier);
        if (!possible || noticeS.isEmpty()) {
            return impact;
        }
        return new Impact(impact.detectS, impact.downS, impact.cold, impact.refillS, noticeS.getAsDouble(),
                tier.operations().bootS(), windowS);
    }

    /** True when the group gives the node up (it is still down when noticed) and replaces it. */
    public boolean replaced() {
        return replaceS < downS;
    }

    /** When the tier has this node's capacity back: the replacement in service, else the node's repair. */
    public double backS() {
        return replaced() ? replaceS + bootS : downS;
    }

    /** When a replaced node's tier is settled: its replacement in service and the survivors' backlog cleared. */
    public double settledS() {
        return backS() + (replaced() ? clearS : 0);
    }

    /**
     * How long the failure's effect lasts: the outage, plus the refill of a cold cache; a replaced
     * node's until its tier has settled (the node itself never comes back; a zone's return, which
     * rebalances the group, is the zone mode's own).
     */
    public double effectS() {
        return replaced() ? settledS() : downS + (cold ? refillS : 0);
    }

    /** This impact with its replacement booting {@code cutS} faster (a steady short-handed span left out). */
    Impact bootCut(double cutS) {
        return cutS > 0 ? new Impact(detectS, downS, cold, refillS, replaceS, bootS - cutS, clearS) : this;
    }

    /** This impact with an outage {@code cutS} shorter if it lasts the mode's longest outage {@code outageS}. */
    Impact cut(double cutS, double outageS) {
        return cutS > 0 && downS >= outageS
                ? new Impact(detectS, downS - cutS, cold, refillS, replaceS, bootS, clearS) : this;
    }
}
