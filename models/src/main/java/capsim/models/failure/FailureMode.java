package capsim.models.failure;

import capsim.engine.random.RandomStream;
import capsim.models.spec.FailureSpec;
import capsim.models.spec.ManagedSpec;
import capsim.models.spec.TierSpec;
import capsim.models.spec.ZoneFailureSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One way the system can fail (a node of a tier, an instance of a managed service, a zone), with
 * the long-run rate at which such failures start and what one does. Each unit alternates between
 * up (exponential, mean MTBF) and down (the outage), an alternating renewal process, so one unit
 * fails at the long-run rate 1 / (MTBF + outage) (Ross, <i>Stochastic Processes</i>, 2nd ed.,
 * section 3.4.1); {@code units} of them at {@code units} times that.
 *
 * <p>Timeline of one failure, from the instant it strikes: the system settles into its degraded
 * state by {@link #onsetS()} (the health checks have noticed, a failover is over, an autoscaled
 * group's replacements are in service), stays there until the longest outage ends at
 * {@link #outageS()}, and is back to normal after {@link #effectS()} (a cold cache has refilled,
 * a group has rebalanced over the zone that came back). In the settled state each tier has
 * {@link #taken()} nodes fewer and {@link #replaced()} nodes more.
 */
public sealed interface FailureMode permits FailureMode.NodeDown, FailureMode.ZoneDown {
    /** The mode's name in the summary ("node down: app", "zone down: a"). */
    String name();

    /** Long-run rate at which failures of this mode start, per second. */
    double ratePerS();

    /**
     * Long-run rate at which failures of this mode start, per second, when each tier runs
     * {@code nodes} nodes in service on average (a node failure's rate scales with them, as an
     * autoscaler adds or removes nodes).
     */
    default double ratePerS(ToDoubleFunction<String> nodes) {
        return ratePerS();
    }

    /** The tiers whose nodes it can take down. */
    List<String> tiers();

    /** How many nodes it takes down of each of {@link #tiers()}. */
    List<Integer> taken();

    /** What it does to each kind of node it takes. */
    List<Impact> impacts();

    /** Strikes now, simulated with {@code cuts}; {@code rng} picks the node where there is a choice. */
    void strike(Outages outages, RandomStream rng, Cuts cuts);

    /** How many nodes it takes down of each of {@link #tiers()} when it strikes {@code fleet}. */
    default List<Integer> taken(Fleet fleet) {
        return taken();
    }

    /** The longest outage, seconds. */
    default double outageS() {
        return impacts().stream().mapToDouble(Impact::downS).max().orElse(0);
    }

    /**
     * When the degraded state is steady, seconds: every replacement in service and its tier's
     * backlog cleared ({@link Impact#settledS()}), every other shorter outage over and every other
     * node detected. It may come after {@link #outageS()}: then the failure has no steady state.
     */
    default double onsetS() {
        double outage = outageS();
        double onset = 0;
        for (Impact i : impacts()) {
            if (i.replaced()) {
                onset = Math.max(onset, i.settledS());
            } else if (i.downS() < outage) {
                onset = Math.max(onset, i.downS());
            } else if (i.detectS() < outage) {
                onset = Math.max(onset, i.detectS());
            }
        }
        return onset;
    }

    /** How long one failure's effect lasts (outage plus cache refill), seconds. */
    default double effectS() {
        return impacts().stream().mapToDouble(Impact::effectS).max().orElse(0);
    }

    /** How many of the {@link #taken()} nodes of each of {@link #tiers()} its group has replaced by the onset. */
    default List<Integer> replaced() {
        return replaced(taken());
    }

    /** As {@link #replaced()}, of {@code taken} nodes of each of {@link #tiers()}. */
    default List<Integer> replaced(List<Integer> taken) {
        List<Integer> replaced = new ArrayList<>();
        for (int i = 0; i < tiers().size(); i++) {
            replaced.add(impacts().get(i).replaced() ? taken.get(i) : 0);
        }
        return replaced;
    }

    /**
     * One node of {@code tier} goes down as {@code impact} says; each of its {@code nodes} fails
     * after exponential times of mean {@code mtbfH} hours (a plain node, or a managed instance).
     */
    record NodeDown(String name, String tier, int nodes, double mtbfH, Impact impact) implements FailureMode {
        /** A node of {@code tier}, a tier with {@code failures}; {@code windowS} is the uptime window. */
        static NodeDown of(TierSpec tier, FailureSpec spec, double windowS) {
            return new NodeDown("node down: " + tier.name(), tier.name(), tier.count(), spec.mtbfH(),
                    Impact.ofNode(tier, spec, windowS));
        }

        /** An instance of a managed service: a database fails over or is replaced, a cache fails over or is lost. */
        static NodeDown ofManaged(String tier, int nodes, ManagedSpec spec) {
            String what = spec.kind() == ManagedSpec.Kind.DATABASE
                    ? (spec.multiAz() ? "database failover" : "database replacement")
                    : (spec.multiAz() ? "cache failover" : "cache lost");
            return new NodeDown(what + ": " + tier, tier, nodes, spec.mtbfH(), Impact.ofManaged(spec));
        }

        @Override
        public double ratePerS() {
            return nodes / (mtbfH * 3600 + impact.downS());
        }

        @Override
        public double ratePerS(ToDoubleFunction<String> inService) {
            return inService.applyAsDouble(tier) / (mtbfH * 3600 + impact.downS());
        }

        @Override
        public List<String> tiers() {
            return List.of(tier);
        }

        @Override
        public List<Integer> taken() {
            return List.of(1);
        }

        @Override
        public List<Impact> impacts() {
            return List.of(impact);
        }

        @Override
        public void strike(Outages outages, RandomStream rng, Cuts cuts) {
            outages.nodeFails(tier, impact.cut(cuts.outageS(), outageS()).bootCut(cuts.bootS()), rng, cuts.refill());
        }
    }

    /**
     * Zone {@code zone} fails: every node in it, on {@code tiers} ({@code taken} nodes of each),
     * at once, each as its tier's impact says.
     */
    record ZoneDown(String zone, ZoneFailureSpec spec, List<String> tiers, List<Integer> taken, List<Impact> impacts)
            implements FailureMode {
        public ZoneDown {
            tiers = List.copyOf(tiers);
            taken = List.copyOf(taken);
            impacts = List.copyOf(impacts);
        }

        @Override
        public String name() {
            return "zone down: " + zone;
        }

        @Override
        public double ratePerS() {
            return 1 / (spec.mtbfH() * 3600 + spec.mttrS());
        }

        /** As for any mode; when the zone is back, its groups rebalance, in service one boot later. */
        @Override
        public double effectS() {
            double effect = FailureMode.super.effectS();
            for (Impact i : impacts) {
                if (i.replaced()) {
                    effect = Math.max(effect, spec.mttrS() + i.bootS());
                }
            }
            return effect;
        }

        /** The nodes of each tier in service in the zone when it strikes {@code fleet}. */
        @Override
        public List<Integer> taken(Fleet fleet) {
            return tiers.stream().map(t -> fleet.inService(t, zone)).toList();
        }

        @Override
        public void strike(Outages outages, RandomStream rng, Cuts cuts) {
            outages.zoneFails(zone, spec.mttrS(), cuts.outageS(), outageS());
        }
    }
}
