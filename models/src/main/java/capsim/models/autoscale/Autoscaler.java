package capsim.models.autoscale;

import capsim.engine.kernel.Simulation;
import capsim.models.spec.AutoscaleSpec;
import capsim.models.spec.OperationsSpec;
import capsim.models.tier.Node;
import capsim.models.tier.Tier;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Runs one tier's scaling policy on the kernel, as an Auto Scaling group or a Deployment's
 * controller does: at each decision it samples the tier's metric over the period since the last
 * one ({@link TierMetric}), asks the policy for the desired capacity and makes the tier match it.
 * Nodes launched boot for {@code boot_s} before they take work; nodes scaled in are the newest
 * ones (a booting node first, as Kubernetes deletes unready pods first; newest-first also keeps
 * the round-robin zone spread) and drain for at most {@code drain_s}.
 *
 * <p>A failed node stays in the capacity until the group notices it ({@link Replacement#noticeS}):
 * then, if it is still down, the group discards it (it stops being billed and never comes back,
 * even if its outage ends before the replacement is in service) and launches a replacement in
 * the zone that is up with the fewest nodes ({@link #replace}). With no zone up, the node waits
 * for its repair. When a zone comes back, the group rebalances ({@link #rebalance}). A node
 * discarded by anything else is replaced at the next decision.
 */
public final class Autoscaler {
    private final Simulation sim;
    private final Tier tier;
    private final AutoscaleSpec spec;
    private final ScalingPolicy policy;
    private final TierMetric metric;
    private final double bootS;
    private final double drainS;
    /** Nodes a rebalancing launch retires once it is in service: no longer in the capacity. */
    private final Set<Node> leaving = new HashSet<>();
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

    /**
     * Makes the first decision now (a schedule applies at once; metric policies see no data yet).
     * The nodes it launches were launched {@link ScalingPolicy#setAgoS} before now: they boot for
     * what is left of {@code boot_s}.
     */
    public void start() {
        lastDecisionS = sim.now();
        tier.desired(desired);
        sim.schedule(sim.now(), () -> decide(Math.max(0, bootS - policy.setAgoS(sim.now()))));
    }

    /** The capacity the policy wants now. */
    public int desired() {
        return desired;
    }

    private void decide() {
        decide(bootS);
    }

    /** Decides now; nodes launched boot for {@code launchBootS}. */
    private void decide(double launchBootS) {
        double now = sim.now();
        Observation o = metric.observe(lastDecisionS, now, desired);
        lastDecisionS = now;
        desired = Capacity.clamp(policy.desired(o), spec);
        tier.desired(desired);
        reconcile(launchBootS);
        double next = policy.nextDecisionS(now);
        if (next != Double.POSITIVE_INFINITY) {
            sim.schedule(next, this::decide);
        }
    }

    /**
     * The group has noticed that {@code node} failed: if it is still down and a zone of the tier is
     * up ({@code zoneUp}), it is discarded and a replacement launched in the up zone with the
     * fewest nodes.
     */
    public void replace(Node node, Predicate<String> zoneUp) {
        replace(node, zoneUp, bootS);
    }

    /** As {@link #replace(Node, Predicate)}, the replacement booting for {@code replacementBootS}. */
    public void replace(Node node, Predicate<String> zoneUp, double replacementBootS) {
        if (node.state() != Node.State.FAILED) {
            return;
        }
        if (leaving.remove(node)) {
            tier.discard(node); // a rebalancing launch already took its place
            return;
        }
        Optional<String> zone = new ZoneSpread(tier, zoneUp, leaving).emptiest();
        if (zone.isPresent()) {
            tier.discard(node);
            tier.launch(replacementBootS, zone.get());
        }
    }

    /**
     * A zone is back ({@code zoneUp} tells the zones up now): while an up zone holds two nodes
     * more than another, the group launches one in the emptiest and, once it is in service, retires
     * the newest of the fullest. EC2 Auto Scaling "redistributes the application instances evenly
     * across all the Availability Zones" when a zone returns (user guide, "Add an Availability
     * Zone") and "launches new instances before terminating the old ones" (user guide, "Control
     * which Auto Scaling instances terminate during scale in").
     */
    public void rebalance(Predicate<String> zoneUp) {
        while (true) {
            ZoneSpread spread = new ZoneSpread(tier, zoneUp, leaving);
            String emptiest = spread.emptiest().orElseThrow();
            String fullest = spread.fullest().orElseThrow();
            if (spread.in(fullest) - spread.in(emptiest) <= 1) {
                return;
            }
            Node old = newest(fullest);
            leaving.add(old);
            Node fresh = tier.launch(bootS, emptiest);
            sim.schedule(sim.now() + bootS, () -> {
                leaving.remove(old);
                if (fresh.state() == Node.State.IN_SERVICE) {
                    tier.retire(old, drainS);
                }
            });
        }
    }

    /** The newest node booting or in service in {@code zone}, not already leaving. */
    private Node newest(String zone) {
        List<Node> nodes = tier.nodes();
        for (int i = nodes.size() - 1; ; i--) {
            Node n = nodes.get(i);
            if (n.zone().equals(zone) && ZoneSpread.live(n) && !leaving.contains(n)) {
                return n;
            }
        }
    }

    /**
     * Launches or retires nodes until the live ones (booting, in service, failed; not those a
     * rebalancing retires) match the desired count; a launched node boots for {@code launchBootS}.
     */
    private void reconcile(double launchBootS) {
        List<Node> nodes = tier.nodes();
        int live = 0;
        for (Node n : nodes) {
            if (isLive(n)) {
                live++;
            }
        }
        for (; live < desired; live++) {
            tier.launch(launchBootS);
        }
        for (int i = nodes.size() - 1; i >= 0 && live > desired; i--) {
            Node n = nodes.get(i);
            if (ZoneSpread.live(n) && !leaving.contains(n)) {
                tier.retire(n, drainS);
                live--;
            }
        }
    }

    private boolean isLive(Node n) {
        return (ZoneSpread.live(n) || n.state() == Node.State.FAILED) && !leaving.contains(n);
    }
}
