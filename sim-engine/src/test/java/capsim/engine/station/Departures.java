package capsim.engine.station;

import capsim.engine.kernel.Simulation;
import java.util.ArrayList;
import java.util.List;

/** Test helper: offers jobs at given times and writes down how and when each left, and busy intervals. */
final class Departures implements BusyListener {
    /** One job's fate. */
    record Left(String job, double timeS, Outcome outcome) {
        @Override
        public String toString() {
            return job + " " + outcome + " @" + timeS;
        }
    }

    /** One reported busy interval. */
    record Busy(double fromS, double toS, double servers) {
    }

    final List<Left> left = new ArrayList<>();
    final List<Busy> busy = new ArrayList<>();

    @Override
    public void busy(double fromS, double toS, double servers) {
        busy.add(new Busy(fromS, toS, servers));
    }

    /** Schedules job {@code name} to arrive at {@code atS} with demand {@code serviceS}. */
    void arrive(Simulation sim, Station station, String name, double atS, double serviceS) {
        sim.schedule(atS, () -> station.offer(serviceS, (t, o) -> left.add(new Left(name, t, o))));
    }

    static Left left(String job, double timeS, Outcome outcome) {
        return new Left(job, timeS, outcome);
    }
}
