package capsim.models.fidelity;

import capsim.engine.dist.Distribution;
import capsim.engine.kernel.Event;
import capsim.engine.kernel.Lane;
import capsim.engine.kernel.Simulation;
import capsim.engine.random.RandomStream;
import capsim.engine.station.Outcome;
import capsim.engine.station.Visit;
import capsim.models.fidelity.SamplePlan.VisitKind;
import capsim.models.spec.ProfileSpec;
import capsim.models.spec.StepSpec;
import capsim.models.tier.Tier;
import java.util.List;
import java.util.function.Function;

/**
 * The visits to one tier that the requests not simulated end to end would have made, so that
 * every simulated node of the tier is offered what one node of the whole tier is. For a visit
 * kind k (a step of a class simulated for a share f_k of its requests, made v_k times per request
 * at rate λ_k(t)) the tier's simulated nodes get λ_k(t) v_k (q − f_k) background visits a second,
 * where q = simulated nodes taking work / nodes taking work (1 for a tier simulated in full):
 * with the simulated requests' f_k λ_k v_k, each of the q N simulated nodes then gets λ_k v_k / N,
 * a node's share of the whole tier. (When q falls below f_k, after simulated nodes were lost,
 * there is no background of that kind, and the simulated nodes get a little more than a node's share.)
 *
 * <p>Background visits form a non-homogeneous Poisson process, drawn by thinning (Lewis and
 * Shedler 1979) under a bound that is set anew, memorylessly, whenever the tier's nodes change;
 * each goes through the tier's balancer with a service demand drawn from its step's distribution,
 * and counts as a visit to the tier (latency, utilisation), not as a request of its class. Its
 * stream is {@code fidelity/background/TIER}.
 *
 * <p>On a tier whose balancer follows its mean-field limit ({@link Tier#meanField()}: power of
 * two), q is replaced by W / N, W the simulated nodes' total weight at the candidate's instant:
 * the balancer sends a visit to node i with probability w_i / W, so each simulated node receives
 * λ_k v_k w_i / N of kind k, as a node of the large tier would. Its candidates are drawn under a
 * bound on W that follows the nodes over a short horizon ({@link #drawMeanField}). Every candidate
 * also lets the balancer read the simulated nodes' occupancy, weighed by the inverse of the rate
 * the candidate was drawn at, since that rate depends on the nodes.
 */
public final class Background implements Event {
    /** Mean-field tiers: visits per simulated node in excess of its share that lower the weights' scale by 1. */
    public static final double SCALE_VISITS = 1000;
    /** Mean-field tiers: the visits per simulated node over which an excess is forgotten. */
    public static final double LEAK_VISITS = 10_000;
    /**
     * Mean-field tiers: the scale is set anew every this many candidates. It moves over about
     * {@link #SCALE_VISITS} visits per simulated node, each node seeing 1 to 2 candidates a visit.
     */
    static final int FOLLOW_EVERY = 8;
    /**
     * Mean-field tiers: a bound on the sample's weight is taken for a horizon of about this many
     * candidates ({@link #drawMeanField}). A longer one loosens the bound (more of the work now in
     * the nodes leaves within it), a shorter one ends more often before a candidate falls in it.
     */
    static final double HORIZON_CANDIDATES = 8;
    /** Mean-field tiers: horizons tried for the next candidate before the bound that holds for ever. */
    static final int MAX_HORIZONS = 8;
    private final Simulation sim;
    private final Tier tier;
    private final ProfileSpec profile;
    private final RandomStream rng;
    private final double[] baseRatePerS;
    private final double[] thinning;
    private final boolean[] profiled;
    private final Distribution[] serviceMs;
    /** Cumulative weights of the kinds at multiplier 1 (open kinds) and of the closed kinds, as of the last bound. */
    private final double[] openCumulative;
    private final double[] closedCumulative;
    private double openTotal;
    private double closedTotal;
    private final boolean constant;
    /** The visit object reused on FCFS tiers, whose departure is told at once. */
    private final BackgroundVisit reusable;
    private double bound;
    private long pending = -1;
    /** The candidates' events: each books the next, later one, so they keep to a lane (a rebound's earlier one goes to the heap). */
    private final Lane candidates;
    /** True when the tier's balancer follows its mean-field limit: the background then follows the sample's weight. */
    private final boolean meanField;
    /**
     * Mean-field tiers: the weights' scale c, set so that the sample takes its share of the tier's
     * visits ({@link #SCALE_VISITS}, {@link #LEAK_VISITS}).
     */
    private double scale = 1;
    /** Mean-field tiers: the horizon of the next bound ({@link #HORIZON_CANDIDATES}). */
    private double horizonS;
    /** Mean-field tiers: until when the bound holds, and the scale and weights it was set for. */
    private double boundEndS;
    private double boundScale;
    private long boundWeights;
    /** The kinds' base rates times the profile's largest multiplier (1 for closed kinds): the rates a bound allows for. */
    private final double[] peakRatePerS;
    /** Visits per simulated node received beyond the nominal share, forgotten over {@link #LEAK_VISITS}. */
    private double excess;
    private long offersSeen;
    /** Candidates since the scale was last set ({@link #FOLLOW_EVERY}). */
    private int sinceFollow;
    /** The kinds' base rates summed: the profiled ones (times the profile's multiplier) and the others. */
    private double openBase;
    private double closedBase;
    private double seenS;

    private Background(Simulation sim, Tier tier, List<VisitKind> kinds, Function<StepSpec, Distribution> demandMs,
                       ProfileSpec profile, RandomStream rng) {
        this.sim = sim;
        this.candidates = sim.lane();
        this.tier = tier;
        this.profile = profile;
        this.rng = rng;
        int n = kinds.size();
        baseRatePerS = new double[n];
        thinning = new double[n];
        peakRatePerS = new double[n];
        profiled = new boolean[n];
        serviceMs = new Distribution[n];
        openCumulative = new double[n];
        closedCumulative = new double[n];
        constant = profile.kind() == ProfileSpec.Kind.CONSTANT;
        reusable = tier.spec().discipline() == capsim.models.spec.TierSpec.Discipline.FCFS
                ? new BackgroundVisit(tier) : null;
        meanField = tier.meanField();
        offersSeen = tier.offers();
        seenS = sim.now();
        for (int i = 0; i < n; i++) {
            VisitKind k = kinds.get(i);
            baseRatePerS[i] = k.baseRatePerS() * k.perRequest();
            thinning[i] = k.thinning();
            profiled[i] = !k.owner().closed();
            serviceMs[i] = demandMs.apply(k.step());
            peakRatePerS[i] = baseRatePerS[i] * (profiled[i] && !constant ? profile.maxMultiplier() : 1);
            if (profiled[i]) {
                openBase += baseRatePerS[i];
            } else {
                closedBase += baseRatePerS[i];
            }
        }
    }

    /**
     * Starts the background visits of {@code kinds} to {@code tier} now; {@code demandMs} gives a
     * step's service demand on the tier's nodes (the requests' own, speed included).
     */
    public static Background start(Simulation sim, Tier tier, List<VisitKind> kinds,
                                   Function<StepSpec, Distribution> demandMs, ProfileSpec profile, RandomStream rng) {
        Background b = new Background(sim, tier, kinds, demandMs, profile, rng);
        tier.onNodesChanged(b::rebound);
        b.rebound();
        return b;
    }

    /** The simulated share of the nodes taking work. */
    private double simulatedShare() {
        int all = tier.active().size();
        return all == 0 ? 0 : (double) tier.simulatedActive().size() / all;
    }

    /** Sets the bound for the tier's nodes now and draws the next candidate anew (memoryless). */
    private void rebound() {
        if (meanField) {
            reboundMeanField();
            return;
        }
        double q = simulatedShare();
        double open = 0;
        double closed = 0;
        for (int i = 0; i < baseRatePerS.length; i++) {
            double w = baseRatePerS[i] * Math.max(0, q - thinning[i]);
            if (profiled[i]) {
                open += w;
            } else {
                closed += w;
            }
            openCumulative[i] = open;
            closedCumulative[i] = closed;
        }
        openTotal = open;
        closedTotal = closed;
        bound = open * (constant ? 1 : profile.maxMultiplier()) + closed;
        redraw();
    }

    /** Draws the next candidate anew under the bound (memoryless): the pending one is dropped. */
    private void redraw() {
        cancelPending();
        if (bound > 0) {
            pending = candidates.schedule(sim.now() + rng.nextExponential(1 / bound), this);
        }
    }

    /**
     * Draws the next candidate of a mean-field tier anew from now (memoryless): the nodes taking
     * work changed, or the background starts.
     */
    private void reboundMeanField() {
        cancelPending();
        double most = mostRate();
        bound = 0;
        if (most > 0) {
            horizonS = HORIZON_CANDIDATES / most;
            drawMeanField(sim.now());
        }
    }

    /** Drops the pending candidate, if any. */
    private void cancelPending() {
        if (pending >= 0) {
            sim.cancel(pending);
            pending = -1;
        }
    }

    /** A mean-field tier's rates with every simulated node at the largest weight: a bound that holds for ever. */
    private double mostRate() {
        return meanFieldRate(tier.simulatedActive().size() * tier.maxWeight());
    }

    /**
     * The kinds' rates, at the profile's largest multiplier, when the simulated nodes weigh
     * {@code weight} in all: kind k arrives at λ_k v_k (c W / N − f_k).
     */
    private double meanFieldRate(double weight) {
        int all = tier.active().size();
        if (all == 0) {
            return 0;
        }
        double share = scale * weight / all;
        double total = 0;
        for (int i = 0; i < peakRatePerS.length; i++) {
            total += peakRatePerS[i] * Math.max(0, share - thinning[i]);
        }
        return total;
    }

    /**
     * Draws the next candidate of a mean-field tier after {@code fromS}, by thinning under a bound
     * that is constant over a horizon (Lewis and Shedler's thinning, with a piecewise-constant
     * bound): the rates at a bound of the sample's weight that holds until the horizon ends
     * ({@link Tier#weightBoundUntil}: every node holds at least the work that will still be in it
     * then, whatever arrives). A horizon without a candidate passes on to the next, bounded
     * anew; after {@link #MAX_HORIZONS}, the bound of every node at the largest weight, which
     * holds for ever. The weights and the scale change only at candidates, and a change of the
     * nodes draws anew, so the bound holds until the candidate it draws.
     */
    private void drawMeanField(double fromS) {
        boundScale = scale;
        boundWeights = tier.weightsSet();
        double t = fromS;
        for (int i = 0; i < MAX_HORIZONS; i++) {
            boundEndS = t + horizonS;
            bound = meanFieldRate(tier.weightBoundUntil(boundEndS));
            if (bound > 0) {
                horizonS = HORIZON_CANDIDATES / bound;
                double next = t + rng.nextExponential(1 / bound);
                if (next <= boundEndS) {
                    pending = candidates.schedule(next, this);
                    return;
                }
            }
            t = boundEndS;
        }
        boundEndS = Double.POSITIVE_INFINITY;
        bound = mostRate();
        if (bound > 0) {
            pending = candidates.schedule(t + rng.nextExponential(1 / bound), this);
        }
    }

    /**
     * Draws the next candidate of a mean-field tier after a candidate now: under the same bound
     * while its horizon lasts and the scale and weights it was set for hold (a lower scale keeps it
     * a bound), anew otherwise.
     */
    private void nextMeanField(double now) {
        if (now < boundEndS && scale <= boundScale && tier.weightsSet() == boundWeights) {
            double next = now + rng.nextExponential(1 / bound);
            if (next <= boundEndS) {
                pending = candidates.schedule(next, this);
                return;
            }
            drawMeanField(boundEndS);
        } else {
            drawMeanField(now);
        }
    }

    /**
     * A candidate on a mean-field tier: the kinds' rates follow the simulated nodes' weight W
     * now, λ_k(t) v_k (c W / N − f_k), so that with the balancer's choice in proportion to weight
     * each node gets c λ_k v_k / N times its own weight, whatever the others hold. The scale is
     * set after the candidate is taken or left, so that it is the one its bound was drawn with.
     */
    private void fireMeanField() {
        double now = sim.now();
        int all = tier.active().size();
        double m = constant ? 1 : profile.multiplierAt(now);
        double share = all == 0 ? 0 : scale * tier.observeWeight(bound) / all;
        double u = rng.nextDouble() * bound;
        for (int k = 0; k < baseRatePerS.length; k++) {
            u -= baseRatePerS[k] * Math.max(0, share - thinning[k]) * (profiled[k] ? m : 1);
            if (u < 0) {
                offer(k, now, true);
                break;
            }
        }
        if (++sinceFollow == FOLLOW_EVERY) {
            sinceFollow = 0;
            follow(now, m);
        }
        nextMeanField(now);
    }

    /**
     * Sets the weights' scale from the visits the simulated nodes received since the last
     * candidate against their nominal share, Σ λ_k(t) v_k q: a leaky integral of the excess per
     * node, c = 1 − excess / {@link #SCALE_VISITS}. The estimate of s lags the nodes, and when the
     * whole sample drifts (a backlog draining) the lag alone would feed it more than its share;
     * this holds the sample to its share within about {@link #SCALE_VISITS} visits per node,
     * without coupling a node to the others at the time scale of its own queue.
     */
    private void follow(double now, double multiplier) {
        int k = tier.simulatedActive().size();
        long offers = tier.offers();
        if (k > 0) {
            double nominal = openBase * multiplier + closedBase;
            double due = nominal * simulatedShare() * (now - seenS) / k;
            excess = excess * Math.exp(-due / LEAK_VISITS) + (double) (offers - offersSeen) / k - due;
            scale = Math.max(0.25, Math.min(4, 1 - excess / SCALE_VISITS));
        }
        offersSeen = offers;
        seenS = now;
    }

    @Override
    public void fire() {
        pending = -1;
        if (meanField) {
            fireMeanField();
            return;
        }
        double now = sim.now();
        double m = constant ? 1 : profile.multiplierAt(now);
        double u = rng.nextDouble() * bound;
        int k = -1;
        if (u < m * openTotal) {
            k = find(openCumulative, u / m);
        } else if (u < m * openTotal + closedTotal) {
            k = find(closedCumulative, u - m * openTotal);
        }
        if (k >= 0) {
            offer(k, now, false);
        }
        pending = candidates.schedule(now + rng.nextExponential(1 / bound), this);
    }

    /**
     * A background visit of kind {@code k} reaches the tier now; {@code observed}: the balancer
     * picks from the occupancies it observed for this candidate (a mean-field tier).
     */
    private void offer(int k, double now, boolean observed) {
        BackgroundVisit visit = reusable != null ? reusable : new BackgroundVisit(tier);
        visit.arrivalS = now;
        double serviceS = serviceMs[k].sample(rng) / 1000.0;
        if (observed) {
            tier.offerObserved(serviceS, visit);
        } else {
            tier.offer(serviceS, visit);
        }
    }

    /** The first kind whose cumulative weight exceeds {@code u}. */
    private static int find(double[] cumulative, double u) {
        int k = 0;
        while (u >= cumulative[k] && k < cumulative.length - 1) {
            k++;
        }
        return k;
    }

    /** One background visit: counted at the tier when it leaves. */
    private static final class BackgroundVisit implements Visit {
        private final Tier tier;
        private double arrivalS;

        BackgroundVisit(Tier tier) {
            this.tier = tier;
        }

        @Override
        public void departed(double timeS, Outcome outcome) {
            int period = tier.periods().indexAt(arrivalS);
            if (outcome == Outcome.SERVED) {
                tier.recordVisit(period, arrivalS, timeS, true);
            } else {
                tier.recordFailure(period, outcome == Outcome.TIMED_OUT);
            }
        }
    }
}
