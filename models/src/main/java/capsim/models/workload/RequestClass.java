package capsim.models.workload;

import capsim.engine.capacity.PiecewiseCapacity;
import capsim.engine.capacity.Stalls;
import capsim.engine.dist.Distribution;
import capsim.engine.kernel.Event;
import capsim.engine.kernel.Simulation;
import capsim.engine.random.RandomStream;
import capsim.engine.random.RandomStreams;
import capsim.engine.station.Outcome;
import capsim.models.load.Distributions;
import capsim.models.period.ClassRecorder;
import capsim.models.period.Periods;
import capsim.models.region.Regions;
import capsim.models.spec.ClassSpec;
import capsim.models.spec.StepSpec;
import capsim.models.tier.Tier;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A request class: its arrival stream (open: an {@link ArrivalProcess}; closed: {@code users}
 * who think for Exp(think_s) between a response and their next request), its compiled route,
 * and its end-to-end measurements: each request records into the recorder of the period its
 * arrival fell in ({@link Periods}), and so does every visit it makes.
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
 *
 * <p>With {@code client_stalls} (stream {@code class/NAME/client_stalls}), a
 * request whose intended start falls in a stall of the client goes at the stall's end (its latency
 * still from the intended start), and one whose reply arrives during a stall completes at its end.
 */
public final class RequestClass {
    /** Client stalls kept behind the earliest time still asked about, seconds (a margin). */
    private static final double CLIENT_STALLS_KEEP_S = 1;
    private final String name;
    private final Simulation sim;
    private final Periods periods;
    private final ClassRecorder[] recorders;
    private final double hopS;
    private final double crossZoneExtraS;
    private final Hop entry;
    private final RandomStream thinkRng;
    private final double thinkS;
    /** The model's regions; null without regions (then requests draw no region). */
    private final Regions regions;
    private final RandomStream regionRng;
    private ClosedPopulation population;
    /** Requests allowed under way at once ({@link Integer#MAX_VALUE}: no limit), those under way, and those waiting. */
    private final int maxInFlight;
    private int inFlight;
    private final ArrayDeque<Request> waiting = new ArrayDeque<>();
    /**
     * The client's path with {@code client_stalls}, null without: the same alternating renewal
     * process as a node's {@link Stalls} (up times Exp(mean 1 / rate), stalls of the given length,
     * up at time 0), drawn on demand from its own stream, in time order, so it does not depend on
     * when it is asked.
     */
    private final PiecewiseCapacity clientStalls;

    /**
     * Builds the class; arrivals start when {@link #start(ArrivalProcess)} or
     * {@link #startClosed(int)} is called. A hop takes {@code hopS}, or {@code crossZoneS} (at
     * least {@code hopS}) when it goes to a node in another zone than the previous node's.
     */
    public RequestClass(ClassSpec spec, Simulation sim, Periods periods, double hopS, double crossZoneS,
                        Map<String, Tier> tiers, Function<StepSpecKey, Distribution> distributions,
                        RandomStreams streams) {
        this(spec, sim, periods, hopS, crossZoneS, tiers, distributions, streams, Optional.empty());
    }

    /** As above, with the model's regions (see {@link Regions}). */
    public RequestClass(ClassSpec spec, Simulation sim, Periods periods, double hopS, double crossZoneS,
                        Map<String, Tier> tiers, Function<StepSpecKey, Distribution> distributions,
                        RandomStreams streams, Optional<Regions> regions) {
        this.name = spec.name();
        this.sim = sim;
        this.periods = periods;
        this.recorders = periods.requestClass(name, regions.map(Regions::names).orElse(List.of()));
        this.hopS = hopS;
        boolean oneZone = tiers.values().stream().flatMap(t -> t.spec().operations().zones().stream()).distinct()
                .count() <= 1;
        this.crossZoneExtraS = oneZone ? 0 : Math.max(0, crossZoneS - hopS);
        this.thinkS = spec.thinkS().orElse(0);
        this.thinkRng = streams.stream("class/" + name + "/think");
        this.regions = regions.orElse(null);
        this.regionRng = streams.stream("class/" + name + "/region");
        this.maxInFlight = spec.maxInFlight().orElse(Integer.MAX_VALUE);
        this.clientStalls = spec.clientStalls().map(st -> new PiecewiseCapacity(new Stalls(st.ratePerS(),
                Distributions.of(st.durationMs()).scaled(0.001), streams.stream("class/" + name + "/client_stalls"))))
                .orElse(null);
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
            Hop h = new Hop(tiers.get(s.tier()), distributions.apply(new StepSpecKey(here, s)),
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

    /**
     * A request arrived at {@code arrivalS} = now - hop and visits its first tier now; or, when
     * the client is stalled at {@code arrivalS}, one hop after the stall ends.
     */
    private void arrive(double arrivalS) {
        Request r = arrived(arrivalS);
        double issueS = clientAt(arrivalS);
        if (issueS > arrivalS) {
            sim.schedule(issueS + hopS, () -> {
                if (admitted(r)) {
                    r.fire();
                }
            });
        } else if (admitted(r)) {
            r.fire();
        }
    }

    /**
     * When the client gets to what is due at {@code timeS} (a request to issue, a reply to
     * receive): then, or at the end of the stall it is in.
     */
    private double clientAt(double timeS) {
        if (clientStalls == null) {
            return timeS;
        }
        // asked about times from now minus a hop (an arrival's intended start) onwards
        clientStalls.forgetBefore(Math.max(0, sim.now() - hopS - CLIENT_STALLS_KEEP_S));
        return clientStalls.resumeAt(timeS);
    }

    /** A request arriving at {@code arrivalS}, counted in the period of its arrival. */
    private Request arrived(double arrivalS) {
        int period = periods.indexAt(arrivalS);
        Request r = new Request(this, sim, arrivalS, period, entry, origin());
        if (period >= 0) {
            recorders[period].arrival(r);
        }
        return r;
    }

    /** A request arrives now; its first visit is one hop later (one hop after the client's stall, if any). */
    private void arriveNow(double now) {
        Request r = arrived(now);
        double issueS = clientAt(now);
        if (issueS > now) {
            sim.schedule(issueS, () -> {
                if (admitted(r)) {
                    sim.schedule(issueS + hopS, r);
                }
            });
        } else if (admitted(r)) {
            sim.schedule(now + hopS, r);
        }
    }

    /** True if {@code r} may go now; else it waits at the client for a request under way to end. */
    private boolean admitted(Request r) {
        if (maxInFlight == Integer.MAX_VALUE) {
            return true;
        }
        if (inFlight < maxInFlight) {
            inFlight++;
            return true;
        }
        waiting.addLast(r);
        return false;
    }

    /**
     * A request under way ends at {@code timeS} (possibly ahead of now: an FCFS station knows a
     * departure on arrival); then the oldest waiting request goes, one hop to its first tier.
     */
    private void ended(double timeS) {
        if (maxInFlight == Integer.MAX_VALUE) {
            return;
        }
        sim.schedule(Math.max(timeS, sim.now()), () -> {
            Request w = waiting.pollFirst();
            if (w == null) {
                inFlight--;
            } else {
                sim.schedule(sim.now() + hopS, w);
            }
        });
    }

    /** The region a new request starts in: drawn by share; -1 without regions. */
    private int origin() {
        return regions == null ? -1 : regions.draw(regionRng);
    }

    void completed(Request r, double replyS) {
        double timeS = clientAt(replyS);
        if (r.period >= 0) {
            recorders[r.period].completed(r, timeS);
        }
        ended(timeS);
        thinkAgain(timeS);
    }

    void failed(Request r, double replyS, Outcome outcome) {
        double timeS = clientAt(replyS);
        if (r.period >= 0) {
            recorders[r.period].failed(r, outcome);
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
}
