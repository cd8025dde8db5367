package capsim.models.workload;

import capsim.engine.kernel.Event;
import capsim.engine.kernel.Simulation;
import capsim.engine.station.Outcome;
import capsim.engine.station.Visit;

/**
 * One request of a class walking its route. As an {@link Event} it arrives at the tier of its
 * current hop; as a {@link Visit} it is told when it left, and schedules its arrival at the next
 * tier one network hop later. Latency is measured from the intended arrival time.
 */
final class Request implements Event, Visit {
    private final RequestClass owner;
    private final Simulation sim;
    final double arrivalS;
    private Hop hop;
    private int repeatLeft;
    private double visitS;

    Request(RequestClass owner, Simulation sim, double arrivalS, Hop first) {
        this.owner = owner;
        this.sim = sim;
        this.arrivalS = arrivalS;
        this.hop = first;
        this.repeatLeft = first.repeat;
    }

    /** Arrives at the current hop's tier. */
    @Override
    public void fire() {
        visitS = sim.now();
        hop.tier.offer(hop.sampleServiceS(), this);
    }

    @Override
    public void departed(double timeS, Outcome outcome) {
        if (outcome != Outcome.SERVED) {
            hop.tier.recordFailure(visitS, outcome == Outcome.TIMED_OUT);
            owner.failed(this, timeS, outcome);
            return;
        }
        hop.tier.recordVisit(visitS, timeS, true);
        Hop nextHop;
        if (--repeatLeft > 0) {
            nextHop = hop;
        } else {
            nextHop = hop.after();
            if (nextHop != null) {
                repeatLeft = nextHop.repeat;
            }
        }
        if (nextHop == null) {
            owner.completed(this, timeS);
            return;
        }
        hop = nextHop;
        sim.schedule(timeS + owner.hopS(), this);
    }
}
