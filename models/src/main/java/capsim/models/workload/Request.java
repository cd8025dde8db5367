package capsim.models.workload;

import capsim.engine.kernel.Event;
import capsim.engine.kernel.Simulation;
import capsim.engine.station.Outcome;
import capsim.engine.station.Visit;
import capsim.models.period.InFlight;
import capsim.models.region.Regions;
import capsim.models.tier.Node;
import capsim.models.tier.Tier;

/**
 * One request of a class walking its route. As an {@link Event} it arrives at the tier of its
 * current hop; as a {@link Visit} it is told when it left, and schedules its arrival at the next
 * tier one network hop later. Latency is measured from the intended arrival time.
 *
 * <p>With regions, the request starts in its {@code origin} region and is then in the region of
 * the node it last visited; each tier's node is picked by {@link Regions#pick} from there, and
 * a hop to another region costs the regions' latency instead of the zone rule below.
 *
 * <p>A hop to a node in another zone than the previous node's costs the class's cross-zone
 * time: the request picks its node on arrival and, when the zones differ, reaches it that much
 * later. On a tier whose nodes can fail, an FCFS visit's departure is known on arrival but the
 * node may fail before it: the visit is confirmed when the request's next event fires (or, after
 * its last visit, by an event at the departure), and it is lost if its node was down at any
 * instant of the visit.
 */
final class Request extends InFlight implements Event, Visit {
    private final RequestClass owner;
    private final Simulation sim;
    final double arrivalS;
    /** The measured period the request arrived in; -1 for none. */
    final int period;
    /** The region the request started in; -1 without regions. */
    final int origin;
    /** The region the request is in now: its origin, then its last node's. */
    private int region;
    private Hop hop;
    private int repeatLeft;
    private double visitS;
    /** The node of the visit under way; null before a node is picked. */
    private Node node;
    /** The zone of the previous node; null before the first visit. */
    private String lastZone;
    /** A finished visit to a tier that can fail, not yet confirmed: its tier, node and times. */
    private Tier unconfirmedTier;
    private Node unconfirmedNode;
    private double unconfirmedVisitS;
    private double unconfirmedDepartS;

    Request(RequestClass owner, Simulation sim, double arrivalS, int period, Hop first, int origin) {
        this.owner = owner;
        this.sim = sim;
        this.arrivalS = arrivalS;
        this.period = period;
        this.origin = origin;
        this.region = origin;
        this.hop = first;
        this.repeatLeft = first.repeat;
    }

    /** Confirms the previous visit if need be, then arrives at the current hop's tier. */
    @Override
    public void fire() {
        if (unconfirmedTier != null && !confirmed()) {
            return;
        }
        if (hop.isDelay()) {
            delay();
            return;
        }
        Tier tier = hop.tier;
        if (node == null) {
            if (!tier.takesWork()) {
                visitS = sim.now();
                tier.offer(hop.sampleServiceS(), this);
                return;
            }
            Regions regions = owner.regions();
            node = regions == null ? tier.pick() : regions.pick(tier, region);
            double delayS;
            if (regions != null && regions.regionOf(node) != region) {
                delayS = regions.extraS(region, regions.regionOf(node));
            } else {
                double crossS = owner.crossZoneExtraS();
                delayS = crossS > 0 && lastZone != null && !lastZone.equals(node.zone()) ? crossS : 0;
            }
            if (delayS > 0) {
                sim.schedule(sim.now() + delayS, this);
                return;
            }
        }
        visitS = sim.now();
        tier.offerTo(node, hop.sampleServiceS(), this);
    }

    @Override
    public void departed(double timeS, Outcome outcome) {
        Node visited = node;
        node = null;
        if (outcome != Outcome.SERVED) {
            hop.tier.recordFailure(period, outcome == Outcome.TIMED_OUT);
            owner.failed(this, timeS, outcome);
            return;
        }
        lastZone = visited.zone();
        if (region >= 0) {
            region = owner.regions().regionOf(visited);
        }
        Tier tier = hop.tier;
        Hop nextHop;
        if (--repeatLeft > 0) {
            nextHop = hop;
        } else {
            nextHop = hop.after(visited, timeS);
            if (nextHop != null) {
                repeatLeft = nextHop.repeat;
            }
        }
        if (tier.fallible()) {
            unconfirmedTier = tier;
            unconfirmedNode = visited;
            unconfirmedVisitS = visitS;
            unconfirmedDepartS = timeS;
            hop = nextHop;
            sim.schedule(nextHop == null ? timeS : timeS + owner.hopS(), this);
            return;
        }
        tier.recordVisit(period, visitS, timeS, true);
        if (nextHop == null) {
            owner.completed(this, timeS);
            return;
        }
        hop = nextHop;
        sim.schedule(timeS + owner.hopS(), this);
    }

    /** Waits out a delay hop; the next hop follows at once (a delay replaces the network hop). */
    private void delay() {
        double doneS = sim.now() + hop.sampleServiceS();
        Hop nextHop = --repeatLeft > 0 ? hop : hop.next;
        if (nextHop == null) {
            owner.completed(this, doneS);
            return;
        }
        if (nextHop != hop) {
            repeatLeft = nextHop.repeat;
        }
        hop = nextHop;
        sim.schedule(doneS, this);
    }

    @Override
    public double arrivalS() {
        return arrivalS;
    }

    @Override
    public int origin() {
        return origin;
    }

    /**
     * Records the unconfirmed visit: lost if its node was down during it (the request fails),
     * else served (and the request completes if that was its last visit). True if it goes on.
     */
    private boolean confirmed() {
        Tier tier = unconfirmedTier;
        unconfirmedTier = null;
        if (tier.lost(unconfirmedNode, unconfirmedVisitS, unconfirmedDepartS)) {
            tier.recordFailure(period, false);
            owner.failed(this, sim.now(), Outcome.REJECTED);
            return false;
        }
        tier.recordVisit(period, unconfirmedVisitS, unconfirmedDepartS, true);
        if (hop == null) {
            owner.completed(this, unconfirmedDepartS);
            return false;
        }
        return true;
    }
}
