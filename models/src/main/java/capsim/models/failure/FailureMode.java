package capsim.models.failure;

import capsim.engine.random.RandomStream;
import capsim.models.spec.FailureSpec;
import capsim.models.spec.ManagedSpec;
import capsim.models.spec.ZoneFailureSpec;
import java.util.List;

/**
 * One way the system can fail (a node of a tier, an instance of a managed service, a zone), with
 * the long-run rate at which such failures start and how long one lasts. Each unit alternates
 * between up (exponential, mean MTBF) and down (the outage), an alternating renewal process, so
 * one unit fails at the long-run rate 1 / (MTBF + outage) (Ross, <i>Stochastic Processes</i>,
 * 2nd ed., section 3.4.1); {@code units} of them at {@code units} times that.
 */
public sealed interface FailureMode permits FailureMode.NodeDown, FailureMode.ManagedDown, FailureMode.ZoneDown {
    /** The mode's name in the summary ("node down: app", "zone down: a"). */
    String name();

    /** Long-run rate at which failures of this mode start, per second. */
    double ratePerS();

    /** How long one failure's effect lasts (outage plus cache refill), seconds. */
    double effectS();

    /** The tiers whose nodes it can take down. */
    List<String> tiers();

    /** Strikes now; {@code rng} picks the node where there is a choice. */
    void strike(Outages outages, RandomStream rng);

    /** One node of {@code tier} (of {@code nodes}) fails. */
    record NodeDown(String tier, int nodes, FailureSpec spec) implements FailureMode {
        @Override
        public String name() {
            return "node down: " + tier;
        }

        @Override
        public double ratePerS() {
            return nodes / (spec.mtbfH() * 3600 + spec.mttrS());
        }

        @Override
        public double effectS() {
            return Impact.ofNode(spec).effectS();
        }

        @Override
        public List<String> tiers() {
            return List.of(tier);
        }

        @Override
        public void strike(Outages outages, RandomStream rng) {
            outages.nodeFails(tier, Impact.ofNode(spec), rng);
        }
    }

    /** One instance of the managed service {@code tier} (of {@code nodes}) fails. */
    record ManagedDown(String tier, int nodes, ManagedSpec spec) implements FailureMode {
        @Override
        public String name() {
            String what = spec.kind() == ManagedSpec.Kind.DATABASE
                    ? (spec.multiAz() ? "database failover" : "database replacement")
                    : (spec.multiAz() ? "cache failover" : "cache lost");
            return what + ": " + tier;
        }

        @Override
        public double ratePerS() {
            return nodes / (spec.mtbfH() * 3600 + spec.downS());
        }

        @Override
        public double effectS() {
            return Impact.ofManaged(spec).effectS();
        }

        @Override
        public List<String> tiers() {
            return List.of(tier);
        }

        @Override
        public void strike(Outages outages, RandomStream rng) {
            outages.nodeFails(tier, Impact.ofManaged(spec), rng);
        }
    }

    /** Zone {@code zone} fails: every node in it, on {@code tiers}, at once; the longest effect is {@code effectS}. */
    record ZoneDown(String zone, ZoneFailureSpec spec, List<String> tiers, double effectS) implements FailureMode {
        public ZoneDown {
            tiers = List.copyOf(tiers);
        }

        @Override
        public String name() {
            return "zone down: " + zone;
        }

        @Override
        public double ratePerS() {
            return 1 / (spec.mtbfH() * 3600 + spec.mttrS());
        }

        @Override
        public void strike(Outages outages, RandomStream rng) {
            outages.zoneFails(zone, spec.mttrS());
        }
    }
}
