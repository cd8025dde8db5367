package capsim.models.fidelity;

import capsim.models.catalog.Catalog;
import capsim.models.spec.ArrivalSpec;
import capsim.models.spec.ClassSpec;
import capsim.models.spec.ModelSpec;
import capsim.models.spec.RunSpec.Fidelity;
import capsim.models.spec.StepSpec;
import capsim.models.spec.TierSpec;
import capsim.models.system.OfferedLoad;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a run simulates of each tier and class (docs/fidelity.md). A tier is sampled with a
 * {@code stride} s: one node in s of each zone is simulated, the others only counted. A class
 * visiting sampled tiers is simulated for a share {@code f} of its requests (its arrival rate, or
 * its users, times f), with f = {@link #FOREGROUND_SHARE} / (the largest stride on its route): the
 * simulated nodes then get less than a node's share of that class, and {@link Background} visits
 * make up the rest, on every tier the class visits, sampled or not.
 *
 * <p>A tier can be sampled when its nodes are interchangeable and nothing but the balancer couples
 * them: it is not the WebSocket tier or its pub/sub tier (a message fans out over all nodes), its
 * nodes have no CPU credits (a balance per node, billed per node), the model has no regions
 * (requests prefer their own region's nodes), and every class visiting it is Poisson or closed
 * (the background follows a known rate) without a client-side {@code max_in_flight} (a limit on
 * the whole class's requests under way) or {@code client_stalls} (bursts to every node at
 * once). Stride: the tier's {@code count} / its sample size
 * ({@link #SAMPLE_RANDOM} nodes behind a random balancer, whose per-node stream is an exact
 * Poisson thinning, or fewer, down to one, when every class visiting it is already thinned as
 * much by another tier on its route; {@link #SAMPLE_MEAN_FIELD_SERVERS} servers behind the others:
 * power of two follows its large-N mean-field limit over the sample
 * ({@link capsim.models.balance.MeanFieldTwoChoices}), least connections runs among the sample,
 * and round robin's per-node stream is only approached, with a bias). {@code full}: every stride
 * is 1; {@code sampled}: every tier that can be; {@code auto}: those whose stride is at least
 * {@link #AUTO_MIN_STRIDE}, except round robin where its bias could exceed
 * {@link #AUTO_ROUND_ROBIN_BIAS} (a round-robin tier whose nodes hardly queue is sampled as a
 * random one) and least connections where a random balancer's wait would exceed
 * {@link #QUEUEING_BOUND} of a service time. A sampled power-of-two tier follows its mean-field
 * limit only where that wait exceeds the same share ({@link #meanField}); below it, the sample
 * runs two choices among its own nodes, whose error that bound caps.
 */
public final class SamplePlan {
    /** Simulated nodes of a tier behind a random balancer. */
    public static final int SAMPLE_RANDOM = 3;
    /**
     * Simulated servers (nodes x workers) of a tier behind round robin, least connections or power
     * of two, within {@link #MIN_MEAN_FIELD} to {@link #MAX_MEAN_FIELD} nodes: nodes of many
     * workers rarely queue, so fewer of them show the balancer's effect as well.
     */
    public static final int SAMPLE_MEAN_FIELD_SERVERS = 64;
    /** The fewest nodes a mean-field sample simulates. */
    public static final int MIN_MEAN_FIELD = 4;
    /** The most nodes a mean-field sample simulates (single-worker nodes). */
    public static final int MAX_MEAN_FIELD = 16;
    /** {@code auto} samples a tier when at least this many of its nodes stand behind each simulated one. */
    public static final int AUTO_MIN_STRIDE = 3;
    /**
     * {@code auto} samples a power-of-two tier that follows its mean-field limit ({@link #meanField})
     * only when at least this many of its nodes stand behind each simulated one. Such a sample draws
     * background candidates besides its visits, so a simulated node costs more events than one
     * sampled plainly and a short stride saves less, and the large-N limit it follows is the less
     * exact the fewer nodes the tier has (EduNerve 500K's GKE tier, 45 nodes of 8 workers at 94%
     * sampled at a stride of 3, read a class's p99 6.9% low, and 7.1% low with the candidates under
     * a bound that follows the nodes; docs/fidelity.md).
     */
    public static final int AUTO_MIN_STRIDE_MEAN_FIELD = 2 * AUTO_MIN_STRIDE;
    /**
     * {@code auto} samples a round-robin tier, as if it were random, when a sample would move the
     * mean latency of a visit to it by at most this share ({@link #roundRobinBias}).
     */
    public static final double AUTO_ROUND_ROBIN_BIAS = 0.01;
    /**
     * A visit's wait under a random balancer ({@link #randomWait}), as a share of its service time,
     * below which how a sample balances cannot move a visit's latency by more: any balancer's wait
     * lies between 0 and a random one's. Above it, {@code auto} keeps a least-connections tier
     * whole (the sample's k-node join-the-shortest-queue is not its large-N limit) and a sampled
     * power-of-two tier follows its mean-field limit.
     */
    public static final double QUEUEING_BOUND = 0.01;
    /**
     * The share of a simulated node's traffic that comes from requests simulated end to end; the
     * rest is background. Below 1 so that a simulated node lost to a failure leaves the others
     * room: with 3 simulated nodes, 2 left still get at most 0.5 x 3/2 = 0.75 of a node's traffic
     * from simulated requests.
     */
    public static final double FOREGROUND_SHARE = 0.5;

    private final Fidelity mode;
    private final Map<String, Integer> strides;
    private final Map<String, Double> thinning;
    private final boolean zonal;
    private final Set<String> meanField;

    private SamplePlan(Fidelity mode, Map<String, Integer> strides, Map<String, Double> thinning, boolean zonal,
                       Set<String> meanField) {
        this.mode = mode;
        this.meanField = Set.copyOf(meanField);
        this.zonal = zonal;
        this.strides = Map.copyOf(strides);
        this.thinning = Map.copyOf(thinning);
    }

    /** The plan of {@code model} at its {@code run.fidelity}. */
    public static SamplePlan of(ModelSpec model, Catalog catalog) {
        Fidelity mode = model.run().fidelity();
        Set<String> eligible = mode == Fidelity.FULL ? Set.of() : eligible(model, catalog);
        Set<String> poisson = new HashSet<>();
        Set<String> whole = new HashSet<>();
        Set<String> limit = new HashSet<>(); // power of two with a queue worth its mean-field limit
        if (!eligible.isEmpty()) {
            Map<String, Double> cv2 = OfferedLoad.serviceCv2(model, catalog);
            OfferedLoad.of(model, catalog).forEach(load -> {
                TierSpec t = model.tier(load.tier()).orElseThrow();
                int workers = OfferedLoad.workersPerNode(t, catalog);
                if (mode == Fidelity.AUTO && t.balancer() == TierSpec.Balancer.ROUND_ROBIN
                        && roundRobinBias(t.count(), workers, load.utilization()) <= AUTO_ROUND_ROBIN_BIAS) {
                    poisson.add(t.name());
                }
                if (t.balancer() != TierSpec.Balancer.RANDOM
                        && randomWait(workers, load.utilization(), cv2.get(t.name())) > QUEUEING_BOUND) {
                    if (t.balancer() == TierSpec.Balancer.POWER_OF_TWO) {
                        limit.add(t.name());
                    }
                    if (mode == Fidelity.AUTO && t.balancer() == TierSpec.Balancer.LEAST_CONNECTIONS) {
                        whole.add(t.name());
                    }
                }
            });
        }
        for (TierSpec t : model.tiers()) {
            if (t.balancer() == TierSpec.Balancer.RANDOM) {
                poisson.add(t.name());
            }
        }
        Map<String, Integer> strides = new LinkedHashMap<>();
        for (TierSpec t : model.tiers()) {
            if (!poisson.contains(t.name())) {
                int stride = t.count() / meanFieldSample(OfferedLoad.workersPerNode(t, catalog));
                boolean biased = t.balancer() == TierSpec.Balancer.ROUND_ROBIN || whole.contains(t.name());
                int least = limit.contains(t.name()) ? AUTO_MIN_STRIDE_MEAN_FIELD : AUTO_MIN_STRIDE;
                strides.put(t.name(), eligible.contains(t.name()) ? allowed(mode, stride, least, biased) : 1);
            }
        }
        Map<String, Integer> widestOthers = widestOnRoutes(model, strides);
        for (TierSpec t : model.tiers()) {
            if (poisson.contains(t.name())) {
                int stride = Math.min(t.count(), Math.max(t.count() / SAMPLE_RANDOM, widestOthers.get(t.name())));
                strides.put(t.name(), eligible.contains(t.name()) ? allowed(mode, stride, AUTO_MIN_STRIDE, false) : 1);
            }
        }
        Map<String, Integer> ordered = new LinkedHashMap<>();
        model.tiers().forEach(t -> ordered.put(t.name(), strides.get(t.name())));
        Map<String, Double> thinning = new LinkedHashMap<>();
        for (ClassSpec c : model.workload().classes()) {
            int widest = 1;
            for (String tier : tiersOf(c.steps())) {
                widest = Math.max(widest, strides.get(tier));
            }
            thinning.put(c.name(), widest == 1 ? 1.0 : FOREGROUND_SHARE / widest);
        }
        boolean zonal = model.zoneFailures().isPresent() || model.network().crossZoneMs() > model.network().hopMs();
        Set<String> meanField = new HashSet<>();
        for (TierSpec t : model.tiers()) {
            if (limit.contains(t.name()) && ordered.get(t.name()) > 1) {
                meanField.add(t.name());
            }
        }
        return new SamplePlan(mode, ordered, thinning, zonal, meanField);
    }

    /**
     * {@code stride} (at least 1), or 1 where {@code auto} keeps a tier whole: a stride shorter than
     * {@code least}, or a {@code biased} sample.
     */
    private static int allowed(Fidelity mode, int stride, int least, boolean biased) {
        return mode == Fidelity.AUTO && (stride < least || biased) ? 1 : Math.max(1, stride);
    }

    /**
     * A bound on the relative bias a sample of any size puts on the mean latency of a visit to a
     * round-robin tier of {@code nodes} nodes of {@code workers} servers, busy {@code rho} of the
     * time. Round robin over N nodes gives each node every N-th arrival of a Poisson stream:
     * Erlang-N gaps, squared cv 1/N; a sample of k nodes gives Erlang-k gaps. In the Allen-Cunneen
     * approximation of the GI/G/c queue, Wq = C(c, a) S / (c (1 − ρ)) (c_a² + c_s²) / 2, so the
     * sample moves the wait by C(c, a) (1/k − 1/N) / (2 c (1 − ρ)) service times S, at most with
     * k = 1, and a visit lasts at least S. Infinite when the tier is saturated.
     */
    static double roundRobinBias(int nodes, int workers, double rho) {
        if (!(rho < 1)) {
            return Double.POSITIVE_INFINITY;
        }
        return erlangC(workers, rho) * (1 - 1.0 / nodes) / (2 * workers * (1 - rho));
    }

    /**
     * A visit's mean wait, in service times, at a node of {@code workers} servers busy {@code rho}
     * of the time behind a random balancer (Poisson arrivals), in the Allen-Cunneen approximation:
     * C(c, a) / (c (1 − ρ)) x (1 + c_s²) / 2, with {@code cv2} the squared coefficient of variation
     * of the service times. Infinite when the tier is saturated.
     */
    static double randomWait(int workers, double rho, double cv2) {
        if (!(rho < 1)) {
            return Double.POSITIVE_INFINITY;
        }
        return erlangC(workers, rho) / (workers * (1 - rho)) * (1 + cv2) / 2;
    }

    /** Erlang C: the chance that a Poisson arrival waits at {@code c} servers each busy {@code rho} of the time (rho < 1). */
    static double erlangC(int c, double rho) {
        double a = c * rho;
        double term = 1;
        double sum = 1;
        for (int k = 1; k < c; k++) {
            term *= a / k;
            sum += term;
        }
        double waiting = term * a / c / (1 - rho);
        return waiting / (sum + waiting);
    }

    /**
     * Per tier, the smallest over the classes visiting it of the widest stride {@code strides}
     * (those known so far) gives on the class's route: a random tier may be sampled that thinly
     * without thinning any class further than its other tiers already do (1: no class crosses one).
     */
    private static Map<String, Integer> widestOnRoutes(ModelSpec model, Map<String, Integer> strides) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (ClassSpec c : model.workload().classes()) {
            Set<String> route = tiersOf(c.steps());
            int widest = 1;
            for (String tier : route) {
                widest = Math.max(widest, strides.getOrDefault(tier, 1));
            }
            for (String tier : route) {
                out.merge(tier, widest, Math::min);
            }
        }
        for (TierSpec t : model.tiers()) {
            out.putIfAbsent(t.name(), 1);
        }
        return out;
    }

    /** Nodes a mean-field sample of nodes of {@code workers} simulates: 64 servers, 4 to 16 nodes. */
    static int meanFieldSample(int workers) {
        int nodes = (SAMPLE_MEAN_FIELD_SERVERS + workers - 1) / workers;
        return Math.max(MIN_MEAN_FIELD, Math.min(MAX_MEAN_FIELD, nodes));
    }

    /** The tiers that can be sampled (see the class comment). */
    private static Set<String> eligible(ModelSpec model, Catalog catalog) {
        Set<String> out = new HashSet<>();
        if (!model.network().regions().regions().isEmpty()) {
            return out;
        }
        Set<String> coupled = new HashSet<>();
        model.workload().websocket().ifPresent(w -> {
            coupled.add(w.tier());
            w.pubsubTier().ifPresent(coupled::add);
        });
        for (ClassSpec c : model.workload().classes()) {
            // a client-side max_in_flight holds the whole class's requests, and client stalls send
            // them in bursts to every node at once: neither thins
            boolean known = (c.closed() || c.arrival().kind() == ArrivalSpec.Kind.POISSON) && c.maxInFlight().isEmpty()
                    && c.clientStalls().isEmpty();
            if (!known) {
                coupled.addAll(tiersOf(c.steps()));
            }
        }
        for (TierSpec t : model.tiers()) {
            boolean credits = catalog.find(t.node()).flatMap(n -> n.credits()).isPresent();
            if (!coupled.contains(t.name()) && !credits && t.count() >= 2) {
                out.add(t.name());
            }
        }
        return out;
    }

    /** Every tier a route of {@code steps} may visit, misses included. */
    static Set<String> tiersOf(List<StepSpec> steps) {
        Set<String> tiers = new HashSet<>();
        for (StepSpec s : steps) {
            if (!s.delay()) {
                tiers.add(s.tier());
            }
            tiers.addAll(tiersOf(s.onMiss()));
        }
        return tiers;
    }

    /** The fidelity asked for. */
    public Fidelity mode() {
        return mode;
    }

    /** One node in this many of {@code tier} (of each of its zones when {@link #zonal()}) is simulated (1: all). */
    public int stride(String tier) {
        return strides.getOrDefault(tier, 1);
    }

    /**
     * True when a node's zone matters to what it does: the model has zone failures (a zone's
     * failure must take its share of the sample) or a cross-zone hop costs more than a hop within
     * one. Then the sample is drawn in each zone; otherwise over the whole tier.
     */
    public boolean zonal() {
        return zonal;
    }

    /**
     * True when sampled tier {@code tier} balances by its mean-field limit
     * ({@link capsim.models.balance.MeanFieldTwoChoices}): power of two over nodes that would queue
     * behind a random balancer (a wait above {@link #QUEUEING_BOUND} of a service time).
     */
    public boolean meanField(String tier) {
        return meanField.contains(tier);
    }

    /** The share of class {@code name}'s requests simulated end to end (1: all). */
    public double thinning(String name) {
        return thinning.getOrDefault(name, 1.0);
    }

    /** True when some tier is sampled. */
    public boolean sampled() {
        return strides.values().stream().anyMatch(s -> s > 1);
    }

    /**
     * The visits that background load stands for: per tier, one entry per step of a thinned class
     * that visits it, with the step's stream path, its visits per request and the class's thinning.
     */
    public Map<String, List<VisitKind>> backgroundKinds(ModelSpec model) {
        Map<String, List<VisitKind>> kinds = new LinkedHashMap<>();
        for (ClassSpec c : model.workload().classes()) {
            double f = thinning(c.name());
            if (f < 1) {
                collect(c, c.steps(), "class/" + c.name() + "/steps", 1, f, kinds);
            }
        }
        return kinds;
    }

    private static void collect(ClassSpec c, List<StepSpec> steps, String path, double reach, double f,
                                Map<String, List<VisitKind>> kinds) {
        for (int i = 0; i < steps.size(); i++) {
            StepSpec s = steps.get(i);
            String here = path + "/" + i;
            if (s.delay()) {
                continue; // a delay visits no tier
            }
            kinds.computeIfAbsent(s.tier(), k -> new ArrayList<>())
                    .add(new VisitKind(c, s, reach * s.repeat(), f));
            if (s.hitRatio().isPresent()) {
                collect(c, s.onMiss(), here + "/on_miss", reach * (1 - s.hitRatio().getAsDouble()), f, kinds);
            }
        }
    }

    /**
     * One kind of visit to a tier: a step of class {@code owner}, made {@code perRequest} times per
     * request on average, of a class simulated for a share {@code thinning} of its requests.
     */
    public record VisitKind(ClassSpec owner, StepSpec step, double perRequest, double thinning) {
        /** The class's requests per second at profile multiplier 1 (closed: users / think_s, an upper bound). */
        public double baseRatePerS() {
            return owner.closed() ? owner.users().getAsInt() / owner.thinkS().getAsDouble()
                    : owner.ratePerS().getAsDouble();
        }
    }
}
