package capsim.models.autoscale;

import static org.junit.jupiter.api.Assertions.assertEquals;

import capsim.models.spec.AutoscaleSpec;
import capsim.models.spec.AutoscaleSpec.Hpa;
import capsim.models.spec.AutoscaleSpec.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/** The HPA's replica sequence under a step in load, against the sequence worked out by hand. */
class HpaPolicyTest {
    private static final double SYNC_S = 15;
    private static final double BOOT_S = 30;

    /** The autoscaling/v2 defaults, cpu target 20%, 1..20 pods. */
    private static AutoscaleSpec defaults() {
        return new AutoscaleSpec(1, 20, new Hpa(Metric.CPU, 20, Hpa.DEFAULT_SYNC_S, Hpa.DEFAULT_TOLERANCE,
                Hpa.DEFAULT_UP_STABILIZATION_S, Hpa.DEFAULT_DOWN_STABILIZATION_S, Hpa.DEFAULT_UP_PODS,
                Hpa.DEFAULT_UP_PERCENT, Hpa.DEFAULT_DOWN_PERCENT, Hpa.DEFAULT_POLICY_PERIOD_S));
    }

    /**
     * Pods that take work {@link #BOOT_S} after they are created; the load (busy CPUs) spreads
     * evenly over the pods in service. Pods are created at syncs and boot for two sync periods,
     * so a pod in service at a period's start is in service for all of it: those are ready.
     */
    private static final class Cluster {
        private final List<Double> inServiceFromS = new ArrayList<>();

        Cluster(int pods) {
            for (int i = 0; i < pods; i++) {
                inServiceFromS.add(Double.NEGATIVE_INFINITY);
            }
        }

        Observation observe(double nowS, double busyCpus) {
            int ready = (int) inServiceFromS.stream().filter(t -> t <= nowS - SYNC_S).count();
            return new Observation(nowS, 100 * busyCpus / ready, ready, inServiceFromS.size());
        }

        void resize(int pods, double nowS) {
            while (inServiceFromS.size() < pods) {
                inServiceFromS.add(nowS + BOOT_S);
            }
            while (inServiceFromS.size() > pods) {
                inServiceFromS.remove(inServiceFromS.size() - 1);
            }
        }
    }

    /** Replicas after each sync at t = 0, 15, 30, ... up to {@code endS}. */
    private static List<Integer> replicas(AutoscaleSpec spec, int pods, DoubleUnaryOperator busyCpusUntil,
                                          double endS) {
        HpaPolicy hpa = new HpaPolicy(spec);
        Cluster cluster = new Cluster(pods);
        List<Integer> seen = new ArrayList<>();
        int current = pods;
        for (double t = 0; t <= endS; t += SYNC_S) {
            Observation o = t == 0 ? new Observation(0, Double.NaN, pods, pods)
                    : cluster.observe(t, busyCpusUntil.applyAsDouble(t));
            assertEquals(current, o.capacity());
            current = hpa.desired(o);
            cluster.resize(current, t);
            seen.add(current);
        }
        return seen;
    }

    private static List<Integer> repeat(int value, int times) {
        List<Integer> list = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            list.add(value);
        }
        return list;
    }

    @Test
    void stepUpIsRateLimitedAndScaleDownWaitsForTheStabilisationWindow() {
        // 4 pods at 10% cpu (0.4 busy CPUs), target 20%: half the target. The load is 2.4 CPUs
        // in the periods (60, 300] (6 x), then 0.5 CPUs. Pods boot 30 s. By hand (K8s 1.28):
        // t=0      no metric; the down window holds the initial 4                      -> 4
        // t=15..60 10%: ratio 0.5, proposal ceil(0.5 x 4) = 2; window max 4            -> 4
        // t=75     60% on 4 ready: ratio 3, proposal 12; rate limit max(4 + 4, 4 x 2)  -> 8
        // t=90     4 ready at 60% (4 booting): ratio 3; all 8 pods, unready at 0:
        //          ratio 3 x 4 / 8 = 1.5, proposal ceil(1.5 x 8) = 12; the +4 at 75 is
        //          exactly one policy period old, so the limit is max(8 + 4, 16) = 16     -> 12
        // t=105    4 ready at 60% (pods 5-8 came in at 105, 9-12 boot): 3 x 4 / 12 = 1.0,
        //          within tolerance                                                   -> 12
        // t=120    8 ready at 30%: 1.5 x 8 / 12 = 1.0, within tolerance               -> 12
        // t=135..300  12 ready at 20%: ratio 1.0                                       -> 12
        // t=315..585  0.5 CPUs on 12: ratio 0.5/12/0.2 = 0.2083, proposal ceil(2.5) = 3,
        //          but the window (t-300, t] still holds the 12 proposed at 300           -> 12
        // t=600    the 12 of t=300 has left the window (strictly newer than t-300):
        //          3; down limit 100% of 12 per 15 s allows it                         -> 3
        // t=615..  0.5 CPUs on 3: ratio 0.833, ceil(0.833 x 3) = ceil(2.5) = 3          -> 3
        List<Integer> expected = new ArrayList<>(repeat(4, 5)); // t = 0, 15, 30, 45, 60
        expected.add(8);                                        // t = 75
        expected.addAll(repeat(12, 34));                        // t = 90 .. 585
        expected.addAll(repeat(3, 21));                         // t = 600 .. 900
        List<Integer> seen = replicas(defaults(), 4, t -> t <= 60 ? 0.4 : t <= 300 ? 2.4 : 0.5, 900);
        assertEquals(expected, seen);
    }

    @Test
    void withoutPodsNotReadyTheProposalIsTheRatioTimesReadyPods() {
        // 4 pods at 60%, target 20%, and no pod booting: ceil(3 x 4) = 12, limited to 8 at the
        // first sync and allowed the next sync.
        HpaPolicy hpa = new HpaPolicy(defaults());
        hpa.desired(new Observation(0, Double.NaN, 4, 4));
        assertEquals(8, hpa.desired(new Observation(15, 60, 4, 4)));
        assertEquals(12, hpa.desired(new Observation(30, 60, 4, 8)));
    }

    @Test
    void withinToleranceNothingChanges() {
        // 10 pods at 21.8% of a 20% target: ratio 1.09, within 0.1 of 1.
        HpaPolicy hpa = new HpaPolicy(defaults());
        hpa.desired(new Observation(0, Double.NaN, 10, 10));
        assertEquals(10, hpa.desired(new Observation(15, 21.8, 10, 10)));
        // 22.2%: ratio 1.11 -> ceil(11.1) = 12
        assertEquals(12, hpa.desired(new Observation(30, 22.2, 10, 10)));
    }

    @Test
    void scaleUpStabilisationTakesTheLowestRecentProposal() {
        // up window 30 s, rate limits out of the way (100 pods per 15 s).
        AutoscaleSpec spec = new AutoscaleSpec(1, 40, new Hpa(Metric.CPU, 20, 15, 0.1, 30, 300, 100, 100, 100, 15));
        HpaPolicy hpa = new HpaPolicy(spec);
        // t=0: the window starts with the initial 4
        hpa.desired(new Observation(0, Double.NaN, 4, 4));
        // t=15: 60% on 4 proposes 12, but the window (-15, 15] holds 4 (t=0): min 4
        assertEquals(4, hpa.desired(new Observation(15, 60, 4, 4)));
        // t=30: 12 again; the window (0, 30] holds only 12 (t=15): 12
        assertEquals(12, hpa.desired(new Observation(30, 60, 4, 4)));
    }
}
