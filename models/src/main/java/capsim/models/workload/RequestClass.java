package capsim.models.workload;

import capsim.engine.dist.Distribution;
import capsim.engine.kernel.Event;
import capsim.engine.kernel.Simulation;
import capsim.engine.random.RandomStream;
import capsim.engine.random.RandomStreams;
import capsim.engine.station.Outcome;
import capsim.engine.stats.LatencyRecorder;
import capsim.engine.stats.WindowedLatency;
import capsim.models.region.Regions;
import capsim.models.spec.ClassSpec;
import capsim.models.spec.StepSpec;
import capsim.models.tier.Horizon;
import capsim.models.tier.Tier;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A request class: its arrival stream (open: an {@link ArrivalProcess}; closed: {@code users}
 * who think for Exp(think_s) between a response and their next request), its compiled route,
 * and its end-to-end measurements over the {@link Horizon}.
 *
 * <p>Random streams are named after the class and the step's position in the file
 * ({@code class/api/arrivals}, {@code class/api/steps/1/service}, ...), so two variants of a
 * model draw the same arrivals and demands where their classes and steps agree. With
 * {@link Regions}, each request starts in a region drawn from {@code class/api/region}, and its
 * latency is also recorded per region.
 *
 * <p>With {@code max_in_flight}, a request arriving while that many are under way waits at the
 * client (FIFO) and goes when one ends; its latency still runs from its intended arrival (open
 * loop, no coordinated omission).
 */
public final class RequestClass {
    private final String name;
    private final Simulation sim;
    private Horizon horizon;
    private final double hopS;
    private final double crossZoneExtraS;
    private final Hop entry;
    private LatencyRecorder latency = new LatencyRecorder();
    private WindowedLatency windows;
    private long[] windowErrors;
    private final RandomStream thinkRng;
    private final double thinkS;
    /** The model's regions; null without regions (then requests draw no region). */
    private final Regions regions;
    private final RandomStream regionRng;
    private final LatencyRecorder[] latencyByRegion;
    private ClosedPopulation population;
    /** Requests allowed under way at once ({@link Integer#MAX_VALUE}: no limit), those under way, and those waiting. */
    private final int maxInFlight;
    private int inFlight;
    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
    private long arrived;
    private long completed;
    private long rejected;
    private long timedOut;

    /**
     * Builds the class; arrivals start when {@link #start(ArrivalProcess)} or
     * {@link #startClosed(int)} is called. A hop takes {@code hopS}, or {@code crossZoneS} (at
     * least {@code hopS}) when it goes to a node in another zone than the previous node's.
     */
    public RequestClass(ClassSpec spec, Simulation sim, Horizon horizon, double hopS, double crossZoneS,
                        Map<String, Tier> tiers, Function<StepSpecKey, Distribution> distributions,
                        RandomStreams streams) {
        this(spec, sim, horizon, hopS, crossZoneS, tiers, distributions, streams, Optional.empty());
    }

    /** As above, with the model's regions (see {@link Regions}). */
    public RequestClass(ClassSpec spec, Simulation sim, Horizon horizon, double hopS, double crossZoneS,
                        Map<String, Tier> tiers, Function<StepSpecKey, Distribution> distributions,
                        RandomStreams streams, Optional<Regions> regions) {
        this.name = spec.name();
        this.sim = sim;
        this.horizon = horizon;
        this.hopS = hopS;
        boolean oneZone = tiers.values().stream().flatMap(t -> t.spec().operations().zones().stream()).distinct()
                .count() <= 1;
        this.crossZoneExtraS = oneZone ? 0 : Math.max(0, crossZoneS - hopS);
        this.windows = new WindowedLatency(latency, horizon.windows());
        this.windowErrors = new long[horizon.windows()];
        this.thinkS = spec.thinkS().orElse(0);
        this.thinkRng = streams.stream("class/" + name + "/think");
        this.regions = regions.orElse(null);
        this.regionRng = streams.stream("class/" + name + "/region");
        this.latencyByRegion = new LatencyRecorder[regions.map(r -> r.names().size()).orElse(0)];
        Arrays.setAll(latencyByRegion, i -> new LatencyRecorder());
        this.maxInFlight = spec.maxInFlight().orElse(Integer.MAX_VALUE);
        this.entry = compile(spec.steps(), null, "class/" + name + "/steps", tiers, distributions, streams);
    }

    /** Identifies a step's service distribution for the caller's factory. */
    public record StepSpecKey(String streamName, StepSpec step) {
    }

    private static Hop compile(List<StepSpec> steps, Hop continuation, String path, Map<String, Tier> tiers,
                               Function<StepSpecKey, Distribution> distributions, RandomStreams streams) {
        Hop first = continuation;
        // link backwards so each hop knows its successor
        for (int i = steps.size() - 1; i >= 0; i--) {
            StepSpec s = steps.get(i);
            String here = path + "/" + i;
            Hop h = new Hop(s.delay() ? null : tiers.get(s.tier()), distributions.apply(new StepSpecKey(here, s)),
                    streams.stream(here + "/service"), s.repeat(), s.hitRatio().orElse(Double.NaN),
                    streams.stream(here + "/hit"));
            h.next = first;
            if (h.isCache()) {
                h.miss = compile(s.onMiss(), first, here + "/on_miss", tiers, distributions, streams);
            }
            first = h;
        }
        return first;
    }

    public String name() {
        return name;
    }

    double hopS() {
        return hopS;
    }

    /** The model's regions; null without regions. */
    Regions regions() {
        return regions;
    }

    /** What a hop to another zone takes beyond {@link #hopS()}, seconds. */
    double crossZoneExtraS() {
        return crossZoneExtraS;
    }

    /**
     * Starts an open stream. The source event of an arrival at time t fires at t + hop and is
     * at once the request's first visit, which saves an event per request.
     */
    public void start(ArrivalProcess arrivals) {
        Event source = new Event() {
            @Override
            public void fire() {
                double arrivalS = sim.now() - hopS;
                arrive(arrivalS);
                double next = arrivals.next(arrivalS);
                if (next != Double.POSITIVE_INFINITY) {
                    sim.schedule(next + hopS, this);
                }
            }
        };
        double first = arrivals.next(sim.now());
        if (first != Double.POSITIVE_INFINITY) {
            sim.schedule(first + hopS, source);
        }
    }

    /**
     * Starts a closed population of {@code users}, all thinking. Users are identical and think
     * for independent Exp(think_s) times, so the next end of thinking among m thinking users
     * comes after Exp(think_s / m) and the superposition needs one pending event, not one per
     * user (memorylessness makes it exact to draw it anew whenever m changes).
     */
    public void startClosed(int users) {
        population = new ClosedPopulation(users);
    }

    /** The thinking users of a closed class, as one competing-exponentials clock. */
    private final class ClosedPopulation implements Event {
        private int thinking;
        private long pending = -1;
        private double pendingS;

        ClosedPopulation(int users) {
            thinking = users;
            reschedule();
        }

        @Override
        public void fire() {
            pending = -1;
            thinking--;
            reschedule();
            double now = sim.now();
            arriveNow(now);
        }

        /**
         * A user finished a request and starts thinking. The next end of thinking is the
         * earlier of the pending one (still Exp(think/m) away, by memorylessness) and the
         * returning user's own Exp(think): together Exp(think/(m+1)), without a cancellation
         * unless the newcomer is first.
         */
        void returned() {
            thinking++;
            double own = sim.now() + thinkRng.nextExponential(thinkS);
            if (pending < 0) {
                pendingS = own;
                pending = sim.schedule(own, this);
            } else if (own < pendingS) {
                sim.cancel(pending);
                pendingS = own;
                pending = sim.schedule(own, this);
            }
        }

        private void reschedule() {
            if (thinking > 0) {
                pendingS = sim.now() + thinkRng.nextExponential(thinkS / thinking);
                pending = sim.schedule(pendingS, this);
            }
        }
    }

    /** A request arrived at {@code arrivalS} = now - hop and visits its first tier now. */
    private void arrive(double arrivalS) {
        if (horizon.measures(arrivalS)) {
            arrived++;
        }
        if (entry == null) {
            completed(new Request(this, sim, arrivalS, null, origin()), arrivalS);
            return;
        }
        int origin = origin();
        if (admitted(arrivalS, origin)) {
            new Request(this, sim, arrivalS, entry, origin).fire();
        }
    }

    /** A request arrives now; its first visit is one hop later. */
    private void arriveNow(double now) {
        if (horizon.measures(now)) {
            arrived++;
        }
        if (entry == null) {
            completed(new Request(this, sim, now, null, origin()), now);
            return;
        }
        int origin = origin();
        if (admitted(now, origin)) {
            sim.schedule(now + hopS, new Request(this, sim, now, entry, origin));
        }
    }

    /** A request held at the client by {@code max_in_flight}: when it was meant to start, and where. */
    private record Waiting(double arrivalS, int origin) {
    }

    /** True if the request may go now; else it waits at the client for a request under way to end. */
    private boolean admitted(double arrivalS, int origin) {
        if (maxInFlight == Integer.MAX_VALUE) {
            return true;
        }
        if (inFlight < maxInFlight) {
            inFlight++;
            return true;
        }
        waiting.addLast(new Waiting(arrivalS, origin));
        return false;
    }

    /**
     * A request under way ends at {@code timeS} (possibly ahead of now: an FCFS station knows a
     * departure on arrival); then the oldest waiting request goes, one hop to its first tier.
     */
    private void ended(double timeS) {
        if (maxInFlight == Integer.MAX_VALUE || entry == null) {
            return;
        }
        sim.schedule(Math.max(timeS, sim.now()), () -> {
            Waiting w = waiting.pollFirst();
            if (w == null) {
                inFlight--;
            } else {
                sim.schedule(sim.now() + hopS, new Request(this, sim, w.arrivalS(), entry, w.origin()));
            }
        });
    }

    /** The region a new request starts in: drawn by share; -1 without regions. */
    private int origin() {
        return regions == null ? -1 : regions.draw(regionRng);
    }

    void completed(Request r, double timeS) {
        // a station may tell a departure beyond the run's stop at once; it is not seen to finish
        if (horizon.measures(r.arrivalS) && horizon.finishesInRun(timeS)) {
            completed++;
            latency.recordSeconds(timeS - r.arrivalS);
            if (r.origin >= 0) {
                latencyByRegion[r.origin].recordSeconds(timeS - r.arrivalS);
            }
        }
        ended(timeS);
        thinkAgain(timeS);
    }

    void failed(Request r, double timeS, Outcome outcome) {
        if (horizon.measures(r.arrivalS)) {
            if (outcome == Outcome.TIMED_OUT) {
                timedOut++;
            } else {
                rejected++;
            }
            int w = (int) ((r.arrivalS - horizon.warmupS()) / horizon.windowS());
            windowErrors[Math.min(w, windowErrors.length - 1)]++;
        }
        ended(timeS);
        thinkAgain(timeS);
    }

    private void thinkAgain(double timeS) {
        if (population != null) {
            ClosedPopulation p = population;
            sim.schedule(Math.max(timeS, sim.now()), p::returned);
        }
    }

    /**
     * Measures a new period {@code next}, which starts now, after the current one has stopped:
     * fresh latencies, windows and counts (the figures so far stay with whoever took them).
     */
    public void measure(Horizon next) {
        horizon = next;
        latency = new LatencyRecorder();
        windows = new WindowedLatency(latency, next.windows());
        windowErrors = new long[next.windows()];
        arrived = 0;
        completed = 0;
        rejected = 0;
        timedOut = 0;
    }

    public LatencyRecorder latency() {
        return latency;
    }

    /** End-to-end latency by the region the requests started in (empty without regions). */
    public Map<String, LatencyRecorder> latencyByRegion() {
        Map<String, LatencyRecorder> byRegion = new LinkedHashMap<>();
        for (int i = 0; i < latencyByRegion.length; i++) {
            byRegion.put(regions.names().get(i), latencyByRegion[i]);
        }
        return byRegion;
    }

    /** End-to-end latency per window, by the time the completion was recorded. */
    public WindowedLatency windows() {
        return windows;
    }

    public long windowErrors(int window) {
        return windowErrors[window];
    }

    public long arrived() {
        return arrived;
    }

    public long completed() {
        return completed;
    }

    public long rejected() {
        return rejected;
    }

    public long timedOut() {
        return timedOut;
    }
}
