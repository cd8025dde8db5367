package capsim.engine.validation;

import capsim.engine.dist.Distribution;
import capsim.engine.kernel.Event;
import capsim.engine.kernel.Simulation;
import capsim.engine.random.RandomStream;
import capsim.engine.random.RandomStreams;
import capsim.engine.station.Outcome;
import capsim.engine.station.Station;
import capsim.engine.station.Visit;
import java.util.function.Function;

/**
 * One replication of an open queue: Poisson arrivals into one station, demands drawn from a
 * distribution. The response time of a job is measured from its intended arrival time (open
 * loop). The first {@code warmupJobs} jobs are not observed; after the last arrival the run
 * continues until every job has left, so no measured job is cut off.
 */
final class OpenLoop implements Event {
    /** Told each measured job: its demand, its time in the station, how it left. */
    interface Observer {
        void job(double serviceS, double responseS, Outcome outcome);
    }

    private static final Visit UNOBSERVED = (timeS, outcome) -> { };
    private final Simulation sim = new Simulation();
    private final Station station;
    private final RandomStream arrivals;
    private final RandomStream demands;
    private final double meanGapS;
    private final Distribution service;
    private final int warmupJobs;
    private final int totalJobs;
    private final Observer observer;
    private int offered;

    private OpenLoop(RandomStreams streams, double arrivalRatePerS, Distribution service,
                     Function<Simulation, Station> station, int warmupJobs, int measuredJobs, Observer observer) {
        this.station = station.apply(sim);
        this.arrivals = streams.stream("arrivals");
        this.demands = streams.stream("service");
        this.meanGapS = 1 / arrivalRatePerS;
        this.service = service;
        this.warmupJobs = warmupJobs;
        this.totalJobs = warmupJobs + measuredJobs;
        this.observer = observer;
    }

    /** Runs one replication to the end; returns the simulation (for its counters). */
    static Simulation run(RandomStreams streams, double arrivalRatePerS, Distribution service,
                          Function<Simulation, Station> station, int warmupJobs, int measuredJobs, Observer observer) {
        OpenLoop loop = new OpenLoop(streams, arrivalRatePerS, service, station, warmupJobs, measuredJobs, observer);
        loop.sim.schedule(loop.arrivals.nextExponential(loop.meanGapS), loop);
        loop.sim.run();
        return loop.sim;
    }

    /** The next arrival. */
    @Override
    public void fire() {
        int k = offered++;
        if (offered < totalJobs) {
            sim.scheduleAfter(arrivals.nextExponential(meanGapS), this);
        }
        double arrivedS = sim.now();
        double serviceS = service.sample(demands);
        Visit visit = k < warmupJobs
                ? UNOBSERVED
                : (timeS, outcome) -> observer.job(serviceS, timeS - arrivedS, outcome);
        station.offer(serviceS, visit);
    }
}
