package capsim.models.balance;

import capsim.engine.random.RandomStream;
import java.util.Arrays;

/**
 * The power of two choices over a sample of a large tier, in its large-N mean-field limit
 * (docs/fidelity.md, "Balancers"). In a tier of N nodes behind two choices, a node's queue
 * becomes independent of the others as N grows, and with s_q the share of the tier's nodes
 * holding at least q requests, a node holding q receives arrivals at rate λ/N (s_q + s_{q+1}):
 * picked first and not beaten (the other holds at least q), or picked second and strictly
 * shorter (N. D. Vvedenskaya, R. L. Dobrushin, F. I. Karpelevich, "Queueing system with
 * selection of the shortest of two queues: an asymptotic approach", Problems of Information
 * Transmission 32, 1996; M. Mitzenmacher, "The power of two choices in randomized load
 * balancing", IEEE TPDS 12(10), 2001).
 *
 * <p>So node i of the sample weighs w(q_i) = s_q + s_{q+1}, whose mean over the tier's
 * nodes is s_0^2 = 1 (the sum telescopes). {@link #pick} sends a visit to node i with
 * probability w(q_i) / W, W = Σ w(q_j) over the sample, and the tier's background offers the
 * sample c W / N of the tier's visits ({@code capsim.models.fidelity.Background}, whose scale c
 * holds the sample to its share over many visits): each node then receives c λ/N w(q_i),
 * whatever the other simulated nodes hold, as in the limit. A simulated request must land on
 * a simulated node, so its choice is normalised over the sample, an error of order Var(w) / k.
 *
 * <p>s is estimated from the sample itself: its occupancy, {@link #observe observed} at the
 * instants of a point process of known rate (each observation weighed by the inverse of that
 * rate, so that the readings are time averages), is averaged with weights decaying
 * over {@link #TIME_CONSTANT_VISITS} visits per node, so the estimate follows a load profile
 * and a changing node count. Until the first estimate, every node weighs 1 (random choice).
 */
public final class MeanFieldTwoChoices implements Balancer {
    /** The visits per simulated node over which the occupancy estimate decays by e. */
    public static final int TIME_CONSTANT_VISITS = 1000;
    /** Estimates made per time constant. */
    private static final int FOLDS = 25;

    /** w(q) for q = 0 .. length - 1, 0 beyond; empty before the first estimate (every node weighs 1). */
    private double[] weight = new double[0];
    /** Occupancy observations by level since the last estimate, each weighed by the time it stands for. */
    private double[] counts = new double[32];
    private double observed;
    /** Decayed observations by level, and their total. */
    private double[] smoothed = new double[0];
    private double smoothedTotal;
    /** Estimates made so far: the weights' version. */
    private long estimates;
    /** Visits picked since the last estimate. */
    private long visits;
    private double[] scratch = new double[16];
    /** The occupancies of the last {@link #observe}, and how many nodes it read. */
    private int[] observedQ = new int[16];
    private int observedN;
    private final NodeLoad observedLoad = i -> observedQ[i];

    @Override
    public int pick(int n, NodeLoad load, RandomStream rng) {
        visits++;
        if (n == 1) {
            return 0;
        }
        if (scratch.length < n) {
            scratch = new double[n];
        }
        double total = 0;
        for (int i = 0; i < n; i++) {
            scratch[i] = weight(load.inSystem(i));
            total += scratch[i];
        }
        if (!(total > 0)) {
            return rng.nextInt(n);
        }
        double u = rng.nextDouble() * total;
        int last = 0;
        for (int i = 0; i < n; i++) {
            if (scratch[i] > 0) {
                last = i;
                u -= scratch[i];
                if (u < 0) {
                    return i;
                }
            }
        }
        return last;
    }

    /**
     * {@link #pick} over the occupancies the last {@link #observe} read, for a visit offered at the
     * instant of that observation, before anything changed: the same choice without reading the
     * nodes again.
     */
    public int pickObserved(RandomStream rng) {
        return pick(observedN, observedLoad, rng);
    }

    /** The weight of a node holding {@code q} requests. */
    public double weight(int q) {
        if (weight.length == 0) {
            return 1;
        }
        return q < weight.length ? weight[q] : 0;
    }

    /** How many times the weights were set: they are the same as long as this is. */
    public long estimates() {
        return estimates;
    }

    /** The largest weight a node can have now (an empty node's). */
    public double maxWeight() {
        return weight.length == 0 ? 1 : weight[0];
    }

    /**
     * Records the occupancy of the {@code n} nodes now and returns their total weight W (as it was
     * before this observation); may re-estimate s, changing {@link #maxWeight()}. The observation
     * stands for {@code standsFor} (its weight in the estimate): the instants of a point process
     * whose rate r depends on the nodes' past, but is known just before each point, give time
     * averages when each is weighed 1 / r, as the sum over the points of f / r has the
     * expectation of the integral of f over time (the compensator of the point process).
     */
    public double observe(int n, NodeLoad load, double standsFor) {
        double total = 0;
        if (observedQ.length < n) {
            observedQ = new int[n];
        }
        observedN = n;
        for (int i = 0; i < n; i++) {
            int q = load.inSystem(i);
            observedQ[i] = q;
            total += weight(q);
            if (q >= counts.length) {
                counts = Arrays.copyOf(counts, Math.max(q + 1, 2 * counts.length));
            }
            counts[q] += standsFor;
        }
        observed += n * standsFor;
        if (n > 0 && visits >= (long) n * TIME_CONSTANT_VISITS / FOLDS) {
            estimate(n);
        }
        return total;
    }

    /** Folds the observations since the last estimate into s, decayed by the visits since, and sets w anew. */
    private void estimate(int n) {
        double decay = Math.exp(-(double) visits / ((double) n * TIME_CONSTANT_VISITS));
        int top = counts.length - 1;
        while (top > 0 && counts[top] == 0) {
            top--;
        }
        int levels = Math.max(top + 1, smoothed.length);
        if (smoothed.length < levels) {
            smoothed = Arrays.copyOf(smoothed, levels);
        }
        for (int q = 0; q < levels; q++) {
            smoothed[q] = smoothed[q] * decay + (q < counts.length ? counts[q] : 0);
        }
        smoothedTotal = smoothedTotal * decay + observed;
        while (levels > 1 && smoothed[levels - 1] < 1e-9 * smoothedTotal) {
            levels--;
        }
        if (smoothed.length > levels) {
            smoothed = Arrays.copyOf(smoothed, levels);
        }
        // s_q = share at q or more; w(q) = s_q + s_{q+1}
        double[] w = new double[levels];
        double above = 0;
        for (int q = levels - 1; q >= 0; q--) {
            double sNext = above / smoothedTotal;
            above += smoothed[q];
            w[q] = above / smoothedTotal + sNext;
        }
        weight = w;
        estimates++;
        Arrays.fill(counts, 0);
        observed = 0;
        visits = 0;
    }
}
