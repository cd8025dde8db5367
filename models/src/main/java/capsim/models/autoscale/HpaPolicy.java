package capsim.models.autoscale;

import capsim.models.spec.AutoscaleSpec;
import capsim.models.spec.AutoscaleSpec.Hpa;
import java.util.ArrayList;
import java.util.List;

/**
 * Kubernetes HorizontalPodAutoscaler, autoscaling/v2 with its default behaviour (kubernetes.io,
 * "Horizontal Pod Autoscaling"; the controller's {@code replica_calculator.go} and
 * {@code horizontal.go}, Kubernetes 1.28). Every {@code sync_s}:
 * <ol>
 *   <li>ratio = metric / target over the ready pods. Within the tolerance of 1 the proposal
 *       is the current count, else ceil(ratio x ready). If some pods are not ready and
 *       ratio > 1, those pods count as using 0: the ratio is recomputed over all pods, and if
 *       that falls within the tolerance or below 1 the proposal is the current count.</li>
 *   <li>Stabilisation: the proposal is kept within the lowest proposal of the last
 *       {@code up_stabilization_s} and the highest of the last {@code down_stabilization_s}
 *       (a recommendation made exactly a window ago has left it).</li>
 *   <li>Rate: at most max({@code up_pods}, ceil({@code up_percent}%)) more pods and
 *       {@code down_percent}% fewer than at the start of the last {@code policy_period_s},
 *       and within min..max.</li>
 * </ol>
 * Departures: a pod is ready when its node has been in service for the whole sync period
 * (booting pods and pods that became ready during the period are not; the CPU
 * initialisation period and readiness delay are not modelled separately); the CPU utilisation
 * is not truncated to a whole percent; the stabilisation window starts holding the tier's
 * initial count, as if the controller had been running at that count, so that {@code count}
 * holds at least {@code down_stabilization_s}.
 */
public final class HpaPolicy implements ScalingPolicy {
    /** A recommendation or a scale event (change in pods) at a time. */
    private record Timed(double timeS, int value) {
    }

    private final AutoscaleSpec spec;
    private final Hpa settings;
    private final List<Timed> recommendations = new ArrayList<>();
    private final List<Timed> scaleUps = new ArrayList<>();
    private final List<Timed> scaleDowns = new ArrayList<>();
    private boolean started;

    public HpaPolicy(AutoscaleSpec spec) {
        this.spec = spec;
        this.settings = spec.settings(Hpa.class);
    }

    @Override
    public double nextDecisionS(double nowS) {
        return nowS + settings.syncS();
    }

    @Override
    public int desired(Observation o) {
        int current = o.capacity();
        if (!started) {
            recommendations.add(new Timed(o.nowS(), current));
            started = true;
        }
        if (!o.hasMetric()) {
            return current;
        }
        int next = rateLimited(o.nowS(), current, stabilized(o.nowS(), current, proposal(o)));
        if (next > current) {
            scaleUps.add(new Timed(o.nowS(), next - current));
        } else if (next < current) {
            scaleDowns.add(new Timed(o.nowS(), current - next));
        }
        return next;
    }

    /** The replica calculator's proposal, from the usage ratio over ready pods. */
    private int proposal(Observation o) {
        int current = o.capacity();
        double ratio = o.metric() / settings.target();
        if (o.notReady() == 0 || ratio <= 1) {
            return Math.abs(1 - ratio) <= settings.tolerance() ? current : Capacity.ceil(ratio * o.ready());
        }
        // scale-up with pods not ready: they count as using 0
        double allPodsRatio = ratio * o.ready() / current;
        if (Math.abs(1 - allPodsRatio) <= settings.tolerance() || allPodsRatio < 1) {
            return current;
        }
        return Math.max(current, Capacity.ceil(allPodsRatio * current));
    }

    /** Keeps {@code proposal} within the recent proposals' bounds; records it. */
    private int stabilized(double nowS, int current, int proposal) {
        double upCutoffS = nowS - settings.upStabilizationS();
        double downCutoffS = nowS - settings.downStabilizationS();
        int up = proposal;
        int down = proposal;
        for (Timed r : recommendations) {
            if (r.timeS() > upCutoffS) {
                up = Math.min(up, r.value());
            }
            if (r.timeS() > downCutoffS) {
                down = Math.max(down, r.value());
            }
        }
        double oldestKeptS = Math.min(upCutoffS, downCutoffS);
        recommendations.removeIf(r -> r.timeS() <= oldestKeptS);
        recommendations.add(new Timed(nowS, proposal));
        return Math.min(Math.max(current, up), down);
    }

    /** Limits the change from {@code current} to the rate policies and min..max. */
    private int rateLimited(double nowS, int current, int wanted) {
        double cutoffS = nowS - settings.policyPeriodS();
        scaleUps.removeIf(e -> e.timeS() <= cutoffS);
        scaleDowns.removeIf(e -> e.timeS() <= cutoffS);
        int periodStart = current - sum(scaleUps) + sum(scaleDowns);
        if (wanted > current) {
            int byPods = periodStart + settings.upPods();
            int byPercent = Capacity.ceil(periodStart * (1 + settings.upPercent() / 100));
            int limit = Math.max(current, Math.max(byPods, byPercent));
            return Math.min(wanted, Math.min(spec.max(), limit));
        }
        if (wanted < current) {
            int limit = Math.min(current, (int) (periodStart * (1 - settings.downPercent() / 100)));
            return Math.max(wanted, Math.max(spec.min(), limit));
        }
        return current;
    }

    private static int sum(List<Timed> events) {
        int n = 0;
        for (Timed e : events) {
            n += e.value();
        }
        return n;
    }
}
