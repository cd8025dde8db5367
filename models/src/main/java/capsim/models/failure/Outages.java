package capsim.models.failure;

import capsim.engine.kernel.Event;
import capsim.engine.kernel.Simulation;
import capsim.engine.random.RandomStream;
import capsim.engine.random.RandomStreams;
import capsim.models.autoscale.Autoscaler;
import capsim.models.spec.ModelSpec;
import capsim.models.spec.ZoneFailureSpec;
import capsim.models.tier.Node;
import capsim.models.tier.Tier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The failures of one run of a built system: nodes go down ({@link Tier#fail}), the balancer
 * notices after the detection delay ({@link Tier#detected}), and they come back after the
 * outage ({@link Tier#restore}), a lost cache node empty. A node down for two causes at once
 * (its own failure and its zone's) comes back when both are over. In an autoscaled tier the
 * group ({@link Autoscaler#replace}) gives a node that is still down up after its notice delay
 * and launches a replacement in a zone that is up; when a zone comes back, the groups of the
 * tiers in it rebalance ({@link Autoscaler#rebalance}). A zone failure takes the nodes booting
 * in it too.
 *
 * <p>{@link #startAll()} lets failures happen as they come. The nodes of a tier with
 * {@code failures} (or the instances of a {@code managed} tier) each stay up for Exp(MTBF); the
 * superposition of n such clocks is one clock of mean MTBF / n that strikes a node chosen
 * uniformly (memorylessness), drawn anew whenever the number of nodes in service changes by a
 * failure or a repair, which is exact for a fixed node count. Nodes launched or retired by
 * autoscaling are taken into account at the next draw. Each zone fails after Exp(MTBF) and is
 * back after its MTTR. Failure streams are named {@code failure/TIER/nodes},
 * {@code failure/TIER/managed} and {@code failure/zone/ZONE}, apart from every request stream.
 *
 * <p>{@link #inject} strikes given failures at given times instead (the scenarios of the uptime
 * estimate).
 */
public final class Outages {
    private final Simulation sim;
    private final ModelSpec model;
    private final Map<String, Tier> tiers;
    private final RandomStreams streams;
    /** The autoscaler of each autoscaled tier: the group that replaces its failed nodes. */
    private final Map<String, Autoscaler> groups;
    /** Causes keeping each node down now. */
    private final Map<Node, Integer> downCauses = new HashMap<>();
    /** Zones of autoscaled tiers that are down now, with how many failures keep each down. */
    private final Map<String, Integer> zonesDown = new HashMap<>();

    /** The failures of a system without autoscaled tiers (or whose groups do not replace nodes). */
    public Outages(Simulation sim, ModelSpec model, Map<String, Tier> tiers, RandomStreams streams) {
        this(sim, model, tiers, streams, Map.of());
    }

    /** The failures of a system whose autoscaled tiers have the autoscalers {@code groups}, by tier name. */
    public Outages(Simulation sim, ModelSpec model, Map<String, Tier> tiers, RandomStreams streams,
                   Map<String, Autoscaler> groups) {
        this.sim = sim;
        this.model = model;
        this.tiers = tiers;
        this.streams = streams;
        this.groups = Map.copyOf(groups);
    }

    /** Starts every failure process of the model: nodes, managed instances and zones fail as they come. */
    public void startAll() {
        for (Tier t : tiers.values()) {
            t.spec().operations().failures().ifPresent(f -> new NodeClock(t, f.mtbfH() * 3600,
                    Impact.ofNode(t.spec(), f, model.uptime().windowS()),
                    streams.stream("failure/" + t.name() + "/nodes")).draw());
            t.spec().operations().managed().ifPresent(m -> new NodeClock(t, m.mtbfH() * 3600, Impact.ofManaged(m),
                    streams.stream("failure/" + t.name() + "/managed")).draw());
        }
        model.zoneFailures().ifPresent(z -> {
            Set<String> zones = new LinkedHashSet<>();
            tiers.values().forEach(t -> zones.addAll(t.spec().operations().zones()));
            for (String zone : zones) {
                new ZoneClock(zone, z, streams.stream("failure/zone/" + zone)).next();
            }
        });
        for (Tier t : tiers.values()) {
            if (t.spec().operations().failures().isPresent() || t.spec().operations().managed().isPresent()
                    || model.zoneFailures().isPresent()) {
                t.markFallible();
            }
        }
    }

    /** Strikes {@code strike}'s failure at its time. */
    public void inject(Strike strike) {
        prepare(strike.mode());
        sim.schedule(strike.atS(), () -> strike.mode().strike(this, strike.rng(), strike.cuts()));
    }

    /** Marks the tiers that {@code mode} can take down as fallible, ahead of its strike. */
    public void prepare(FailureMode mode) {
        mode.tiers().forEach(name -> tiers.get(name).markFallible());
    }

    /** The nodes in service now, for judging what a failure striking now does. */
    public Fleet fleet() {
        return Fleet.of(tiers);
    }

    /**
     * A node of {@code tierName} in service, chosen by {@code rng}, fails now; if it comes back
     * cold, its refill is moved on at the {@code refill} jumps.
     */
    void nodeFails(String tierName, Impact impact, RandomStream rng, List<Cuts.RefillJump> refill) {
        Tier tier = tiers.get(tierName);
        List<Node> up = inService(tier);
        if (!up.isEmpty()) {
            outage(tier, up.get(rng.nextInt(up.size())), impact, tier.oneNodeShare(), true, () -> { }, refill);
        }
    }

    /** {@code node} of {@code tier} fails now, alone. */
    void nodeFails(Tier tier, Node node, Impact impact) {
        outage(tier, node, impact, tier.oneNodeShare(), true, () -> { });
    }

    /**
     * Every node in service (or booting) in {@code zone} fails now, for {@code mttrS} (or its tier's
     * failover); outages as long as {@code outageS} are cut {@code cutS} short.
     */
    void zoneFails(String zone, double mttrS, double cutS, double outageS) {
        double windowS = model.uptime().windowS();
        for (Tier t : tiers.values()) {
            Impact impact = Impact.ofZone(t.spec(), zone, mttrS, windowS).cut(cutS, outageS);
            for (Node n : t.nodes()) {
                if (n.zone().equals(zone) && (n.state() == Node.State.IN_SERVICE || n.state() == Node.State.BOOTING)) {
                    outage(t, n, impact, 1, false, () -> { });
                }
            }
        }
        List<Autoscaler> inZone = groups.entrySet().stream()
                .filter(g -> tiers.get(g.getKey()).spec().operations().zones().contains(zone))
                .map(Map.Entry::getValue).toList();
        if (!inZone.isEmpty()) {
            zonesDown.merge(zone, 1, Integer::sum);
            double downS = cutS > 0 && mttrS >= outageS ? mttrS - cutS : mttrS;
            sim.schedule(sim.now() + downS, () -> {
                if (zonesDown.merge(zone, -1, Integer::sum) == 0) {
                    zonesDown.remove(zone);
                    inZone.forEach(g -> g.rebalance(this::zoneUp));
                }
            });
        }
    }

    /** True unless {@code zone} is down now (known for the zones of autoscaled tiers). */
    private boolean zoneUp(String zone) {
        return !zonesDown.containsKey(zone);
    }

    /**
     * The nodes in service a failure of one node alone strikes: every one in a tier simulated in
     * full; in a sampled tier those not simulated, or the simulated ones when every node in service is.
     */
    private static List<Node> inService(Tier tier) {
        List<Node> up = new ArrayList<>();
        List<Node> simulated = new ArrayList<>();
        for (Node n : tier.nodes()) {
            if (n.state() == Node.State.IN_SERVICE) {
                (n.simulated() ? simulated : up).add(n);
            }
        }
        return up.isEmpty() ? simulated : up;
    }

    /**
     * {@code node} goes down now as {@code impact} says, for {@code share} of the nodes it stands
     * for (1 unless its tier is sampled), {@code alone} or with its zone; {@code afterRepair} runs
     * when this cause is over. A node of a sampled tier that is not simulated and fails alone
     * takes its share of the simulated nodes' work ({@link Tier#failUnsimulated}).
     */
    private void outage(Tier tier, Node node, Impact impact, double share, boolean alone, Runnable afterRepair) {
        outage(tier, node, impact, share, alone, afterRepair, List.of());
    }

    /**
     * As above; a node that comes back cold has its refill (and the refill of the simulated nodes
     * it makes cold) moved on at the {@code refill} jumps.
     */
    private void outage(Tier tier, Node node, Impact impact, double share, boolean alone, Runnable afterRepair,
                        List<Cuts.RefillJump> refill) {
        boolean unseen = alone && tier.sampled() && !node.simulated();
        if (downCauses.merge(node, 1, Integer::sum) == 1) {
            if (unseen) {
                tier.failUnsimulated(node);
            } else {
                tier.fail(node, share);
            }
        }
        double now = sim.now();
        if (impact.detectS() < impact.downS()) {
            sim.schedule(now + impact.detectS(), () -> tier.detected(node));
        }
        Autoscaler group = groups.get(tier.name());
        if (group != null && impact.replaced()) {
            sim.schedule(now + impact.replaceS(), () -> group.replace(node, this::zoneUp, impact.bootS()));
        }
        sim.schedule(now + impact.downS(), () -> {
            if (downCauses.merge(node, -1, Integer::sum) == 0) {
                downCauses.remove(node);
                tier.restore(node);
                if (impact.cold() && unseen) {
                    tier.restartColdUnsimulated();
                } else if (impact.cold()) {
                    node.restartCold(sim.now(), share);
                }
                if (impact.cold() && !refill.isEmpty()) {
                    moveRefillOn(tier, refill);
                }
            }
            afterRepair.run();
        });
    }

    /**
     * Takes the nodes of {@code tier} that came back cold now on through their refill: at each
     * jump, their refill has lasted the jump's age (whole windows of it are left out).
     */
    private void moveRefillOn(Tier tier, List<Cuts.RefillJump> refill) {
        double repairS = sim.now();
        List<Node> cold = new ArrayList<>();
        for (Node n : tier.nodes()) {
            if (n.coldSinceS() == repairS) {
                cold.add(n);
            }
        }
        for (Cuts.RefillJump jump : refill) {
            sim.schedule(repairS + jump.afterRepairS(), () -> cold.forEach(n -> n.restartCold(sim.now() - jump.ageS(),
                    n.coldShare())));
        }
    }

    /** The failure clock of a tier's nodes: Exp(MTBF / nodes in service) to the next failure. */
    private final class NodeClock implements Event {
        private final Tier tier;
        private final double mtbfS;
        private final Impact impact;
        private final RandomStream rng;
        private long pending = -1;

        NodeClock(Tier tier, double mtbfS, Impact impact, RandomStream rng) {
            this.tier = tier;
            this.mtbfS = mtbfS;
            this.impact = impact;
            this.rng = rng;
        }

        /** Draws the next failure anew (memoryless), for the nodes in service now. */
        void draw() {
            if (pending >= 0) {
                sim.cancel(pending);
                pending = -1;
            }
            int up = tier.count(Node.State.IN_SERVICE);
            if (up > 0) {
                pending = sim.schedule(sim.now() + rng.nextExponential(mtbfS / up), this);
            }
        }

        @Override
        public void fire() {
            pending = -1;
            List<Node> up = inService(tier);
            outage(tier, up.get(rng.nextInt(up.size())), impact, tier.oneNodeShare(), true, this::draw);
            draw();
        }
    }

    /** A zone's failure clock: up for Exp(MTBF), then down for its MTTR, again and again. */
    private final class ZoneClock implements Event {
        private final String zone;
        private final ZoneFailureSpec spec;
        private final RandomStream rng;

        ZoneClock(String zone, ZoneFailureSpec spec, RandomStream rng) {
            this.zone = zone;
            this.spec = spec;
            this.rng = rng;
        }

        void next() {
            sim.schedule(sim.now() + rng.nextExponential(spec.mtbfH() * 3600), this);
        }

        @Override
        public void fire() {
            zoneFails(zone, spec.mttrS(), 0, spec.mttrS());
            sim.schedule(sim.now() + spec.mttrS(), this::next);
        }
    }
}
