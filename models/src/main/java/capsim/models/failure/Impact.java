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
 * {@code bootS} later; the node does not come back.
 */
public record Impact(double detectS, double downS, boolean cold, double refillS, double replaceS, double bootS) {
    /** A failure that nothing replaces: the node is back after its outage. */
    Impact(double detectS, double downS, boolean cold, double refillS) {
        this(detectS, downS, cold, refillS, Double.POSITIVE_INFINITY, 0);
    }

    /** A node failure of {@code tier}, a tier with {@code failures}. */
    static Impact ofNode(TierSpec tier, FailureSpec f) {
        return replaced(tier, new Impact(f.detectS(), f.mttrS(), false, 0), true);
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
    static Impact ofZone(TierSpec tier, String zone, double mttrS) {
        if (tier.operations().managed().isPresent()) {
            ManagedSpec m = tier.operations().managed().get();
            double downS = m.multiAz() ? m.failoverS() : mttrS;
            return new Impact(Double.POSITIVE_INFINITY, downS, m.comesBackCold(), m.refillS());
        }
        double detectS = tier.operations().failures().map(FailureSpec::detectS).orElse(FailureSpec.DEFAULT_DETECT_S);
        List<String> zones = tier.operations().zones();
        boolean otherZone = zones.stream().anyMatch(z -> !z.equals(zone));
        return replaced(tier, new Impact(detectS, mttrS, false, 0), otherZone);
    }

    /** {@code impact} with the replacement of {@code tier}'s group, if it has one and {@code possible}. */
    private static Impact replaced(TierSpec tier, Impact impact, boolean possible) {
        var noticeS = Replacement.noticeS(tier);
        if (!possible || noticeS.isEmpty()) {
            return impact;
        }
        return new Impact(impact.detectS, impact.downS, impact.cold, impact.refillS, noticeS.getAsDouble(),
                tier.operations().bootS());
    }

    /** True when the group gives the node up (it is still down when noticed) and replaces it. */
    public boolean replaced() {
        return replaceS < downS;
    }

    /** When the tier has this node's capacity back: the replacement in service, else the node's repair. */
    public double backS() {
        return replaced() ? replaceS + bootS : downS;
    }

    /**
     * How long the failure's effect lasts: the outage, plus the refill of a cold cache; a replaced
     * node's effect lasts until its outage is over and its replacement in service.
     */
    public double effectS() {
        return replaced() ? Math.max(downS, backS()) : downS + (cold ? refillS : 0);
    }

    /** This impact with an outage {@code cutS} shorter if it lasts the mode's longest outage {@code outageS}. */
    Impact cut(double cutS, double outageS) {
        return cutS > 0 && downS >= outageS ? new Impact(detectS, downS - cutS, cold, refillS, replaceS, bootS) : this;
    }
}
