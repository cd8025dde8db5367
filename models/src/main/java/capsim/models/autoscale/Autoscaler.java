package capsim.models.autoscale;

import capsim.engine.kernel.Simulation;
import capsim.models.spec.AutoscaleSpec;
import capsim.models.spec.OperationsSpec;
import capsim.models.tier.Node;
import capsim.models.tier.Tier;
import java.util.List;

/**
 * Runs one tier's scaling policy on the kernel, as an Auto Scaling group or a Deployment's
 * controller does: at each decision it samples the tier's metric over the period since the last
 * one ({@link TierMetric}), asks the policy for the desired capacity and makes the tier match it.
 * Nodes launched boot for {@code boot_s} before they take work; nodes scaled in are the newest
 * ones (a booting node first, as Kubernetes deletes unready pods first; newest-first also keeps
 * the round-robin zone spread) and drain for at most {@code drain_s}. Failed nodes stay in the
 * capacity until the failure process restores or discards them; a discarded one is replaced at
 * the next decision.
 */
public final class Autoscaler {
    private final Simulation sim;
    private final Tier tier;
    private final AutoscaleSpec spec;
    private final ScalingPolicy policy;
    private final TierMetric metric;
    private final double bootS;
    private final double drainS;
    private int desired;
    private double lastDecisionS;

    /**
     * An autoscaler of {@code tier} with {@code policy}; {@code connections} is the WebSocket
     * connections the tier holds (0 for other tiers).
     */
    public Autoscaler(Simulation sim, Tier tier, AutoscaleSpec spec, ScalingPolicy policy, double bootS,
                      double drainS, long connections) {
        this.sim = sim;
        this.tier = tier;
        this.spec = spec;
        this.policy = policy;
        this.bootS = bootS;
        this.drainS = drainS;
        this.metric = new TierMetric(tier, spec.settings().scalingMetric(), policy.warmupS(), connections);
        this.desired = tier.spec().count();
    }

    /**
     * Starts the autoscaler of {@code tier} as its operations describe it; {@code startH} is the
     * hour of day at simulated time 0.
     */
    public static Autoscaler start(Simulation sim, Tier tier, double startH, long connections) {
        OperationsSpec ops = tier.spec().operations();
        AutoscaleSpec spec = ops.autoscale().orElseThrow();
        Autoscaler a = new Autoscaler(sim, tier, spec, Policies.of(spec, startH), ops.bootS(), ops.drainS(),
                connections);
        a.start();
        return a;
    }

    /** Makes the first decision now (a schedule applies at once; metric policies see no data yet). */
    public void start() {
        lastDecisionS = sim.now();
        sim.schedule(sim.now(), this::decide);
    }

    /** The capacity the policy wants now. */
    public int desired() {
        return desired;
    }

    private void decide() {
        double now = sim.now();
        Observation o = metric.observe(lastDecisionS, now, desired);
        lastDecisionS = now;
        desired = Capacity.clamp(policy.desired(o), spec);
        reconcile();
        double next = policy.nextDecisionS(now);
        if (next != Double.POSITIVE_INFINITY) {
            sim.schedule(next, this::decide);
        }
    }

    /** Launches or retires nodes until the live ones (booting, in service, failed) match the desired count. */
    private void reconcile() {
        List<Node> nodes = tier.nodes();
        int live = 0;
        for (Node n : nodes) {
            if (isLive(n)) {
                live++;
            }
        }
        for (; live < desired; live++) {
            tier.launch(bootS);
        }
        for (int i = nodes.size() - 1; i >= 0 && live > desired; i--) {
            Node n = nodes.get(i);
            if (n.state() == Node.State.BOOTING || n.state() == Node.State.IN_SERVICE) {
                tier.retire(n, drainS);
                live--;
            }
        }
    }

    private static boolean isLive(Node n) {
        return n.state() == Node.State.BOOTING || n.state() == Node.State.IN_SERVICE
                || n.state() == Node.State.FAILED;
    }
}
