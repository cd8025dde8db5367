package capsim.models.fidelity;

import capsim.engine.dist.Distribution;
import capsim.engine.kernel.Event;
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
 */
public final class Background implements Event {
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

    private Background(Simulation sim, Tier tier, List<VisitKind> kinds, Function<StepSpec, Distribution> demandMs,
                       ProfileSpec profile, RandomStream rng) {
        this.sim = sim;
        this.tier = tier;
        this.profile = profile;
        this.rng = rng;
        int n = kinds.size();
        baseRatePerS = new double[n];
        thinning = new double[n];
        profiled = new boolean[n];
        serviceMs = new Distribution[n];
        openCumulative = new double[n];
        closedCumulative = new double[n];
        constant = profile.kind() == ProfileSpec.Kind.CONSTANT;
        reusable = tier.spec().discipline() == capsim.models.spec.TierSpec.Discipline.FCFS
                ? new BackgroundVisit(tier) : null;
        for (int i = 0; i < n; i++) {
            VisitKind k = kinds.get(i);
            baseRatePerS[i] = k.baseRatePerS() * k.perRequest();
            thinning[i] = k.thinning();
            profiled[i] = !k.owner().closed();
            serviceMs[i] = demandMs.apply(k.step());
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
        if (pending >= 0) {
            sim.cancel(pending);
            pending = -1;
        }
        if (bound > 0) {
            pending = sim.schedule(sim.now() + rng.nextExponential(1 / bound), this);
        }
    }

    @Override
    public void fire() {
        pending = -1;
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
            BackgroundVisit visit = reusable != null ? reusable : new BackgroundVisit(tier);
            visit.arrivalS = now;
            tier.offer(serviceMs[k].sample(rng) / 1000.0, visit);
        }
        pending = sim.schedule(now + rng.nextExponential(1 / bound), this);
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
