package capsim.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import capsim.engine.random.RandomStream;
import capsim.engine.random.RandomStreams;
import capsim.engine.station.BusyListener;
import capsim.engine.station.FcfsStation;
import capsim.engine.station.PsStation;
import capsim.engine.station.Station;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Simulations share nothing: the same runs on four threads at once give the same bits as one after another. */
class DeterminismTest {
    private static final int JOBS = 100_000;

    /** Everything observable of one run, the departures folded into a 64-bit fingerprint. */
    private record RunResult(long fingerprint, long eventsFired, double endS) {
    }

    private static RunResult run(long seed, Function<Simulation, Station> factory) {
        Simulation sim = new Simulation();
        Station station = factory.apply(sim);
        RandomStreams streams = new RandomStreams(seed, 0);
        RandomStream arrivals = streams.stream("arrivals");
        RandomStream service = streams.stream("service");
        long[] fold = {17, 0};
        Event[] arrive = new Event[1];
        arrive[0] = () -> {
            if (++fold[1] < JOBS) {
                sim.scheduleAfter(arrivals.nextExponential(1 / 0.9), arrive[0]);
            }
            station.offer(service.nextExponential(1), (t, o) ->
                    fold[0] = 31 * fold[0] + Double.doubleToLongBits(t) * 7 + o.ordinal());
        };
        sim.schedule(0, arrive[0]);
        sim.run();
        return new RunResult(fold[0], sim.eventsFired(), sim.now());
    }

    private static List<Function<Simulation, Station>> models() {
        return List.of(
                sim -> new FcfsStation(sim, 1, Integer.MAX_VALUE, Double.POSITIVE_INFINITY, BusyListener.NONE),
                sim -> new FcfsStation(sim, 2, 3, 2.0, BusyListener.NONE),
                sim -> new PsStation(sim, 1, Integer.MAX_VALUE, Double.POSITIVE_INFINITY, BusyListener.NONE),
                sim -> new PsStation(sim, 2, 10, 4.0, BusyListener.NONE));
    }

    @Test
    void parallelRunsEqualSequentialRuns() throws Exception {
        List<Function<Simulation, Station>> models = models();
        List<RunResult> sequential = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            sequential.add(run(1000 + i, models.get(i)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<RunResult>> futures = new ArrayList<>();
            for (int i = 0; i < models.size(); i++) {
                long seed = 1000 + i;
                Function<Simulation, Station> model = models.get(i);
                futures.add(pool.submit(() -> run(seed, model)));
            }
            for (int i = 0; i < models.size(); i++) {
                assertEquals(sequential.get(i), futures.get(i).get(), "model " + i);
            }
        } finally {
            pool.shutdown();
        }
        // and the fingerprint does tell runs apart: another seed gives another one
        assertNotEquals(sequential.get(0).fingerprint(), run(999, models.get(0)).fingerprint());
    }
}
