package capsim.models.failure;

import capsim.models.spec.FailureSpec;
import capsim.models.spec.ManagedSpec;
import capsim.models.spec.TierSpec;

/**
 * What one failure does to one node: it is down for {@code downS}; the balancer stops sending to
 * it after {@code detectS} (infinite: never, e.g. a managed service whose endpoint clients keep
 * using); with {@code cold} it comes back with an empty cache that refills over {@code refillS}.
 */
public record Impact(double detectS, double downS, boolean cold, double refillS) {
    /** A node failure of a tier with {@code failures}. */
    static Impact ofNode(FailureSpec f) {
        return new Impact(f.detectS(), f.mttrS(), false, 0);
    }

    /** An instance failure of a managed service. */
    static Impact ofManaged(ManagedSpec m) {
        return new Impact(Double.POSITIVE_INFINITY, m.downS(), m.comesBackCold(), m.refillS());
    }

    /**
     * A node of {@code tier} in a zone that is down for {@code mttrS}: a multi-AZ managed
     * service fails over to its standby in another zone, a single instance waits for its zone, a
     * plain node is detected by the health checks and waits for its zone.
     */
    static Impact ofZone(TierSpec tier, double mttrS) {
        if (tier.operations().managed().isPresent()) {
            ManagedSpec m = tier.operations().managed().get();
            double downS = m.multiAz() ? m.failoverS() : mttrS;
            return new Impact(Double.POSITIVE_INFINITY, downS, m.comesBackCold(), m.refillS());
        }
        double detectS = tier.operations().failures().map(FailureSpec::detectS).orElse(FailureSpec.DEFAULT_DETECT_S);
        return new Impact(detectS, mttrS, false, 0);
    }

    /** How long the failure's effect lasts: the outage, plus the refill of a cold cache. */
    public double effectS() {
        return downS + (cold ? refillS : 0);
    }

    /** This impact with an outage {@code cutS} shorter if it lasts the mode's longest outage {@code outageS}. */
    Impact cut(double cutS, double outageS) {
        return cutS > 0 && downS >= outageS ? new Impact(detectS, downS - cutS, cold, refillS) : this;
    }
}
