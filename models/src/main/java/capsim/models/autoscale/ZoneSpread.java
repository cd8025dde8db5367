package capsim.models.autoscale;

import capsim.models.tier.Node;
import capsim.models.tier.Tier;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A tier's nodes per zone, for where a group launches: "attempting to launch new instances in the
 * Availability Zone with the fewest instances" (EC2 Auto Scaling user guide, "Add an
 * Availability Zone"). Counts the nodes booting or in service, in the tier's zones that are up,
 * in the order the tier lists them (ties go to the first).
 */
final class ZoneSpread {
    private final Map<String, Integer> nodes = new LinkedHashMap<>();

    /** The spread of {@code tier} over its zones that {@code zoneUp} accepts, not counting {@code leaving}. */
    ZoneSpread(Tier tier, Predicate<String> zoneUp, Set<Node> leaving) {
        for (String zone : tier.spec().operations().zones()) {
            if (zoneUp.test(zone)) {
                nodes.put(zone, 0);
            }
        }
        for (Node n : tier.nodes()) {
            if (live(n) && !leaving.contains(n)) {
                nodes.computeIfPresent(n.zone(), (zone, count) -> count + 1);
            }
        }
    }

    /** True while the node serves or is about to: booting or in service. */
    static boolean live(Node n) {
        return n.state() == Node.State.BOOTING || n.state() == Node.State.IN_SERVICE;
    }

    /** The up zone with the fewest nodes; empty when no zone is up. */
    Optional<String> emptiest() {
        return nodes.entrySet().stream().reduce((a, b) -> b.getValue() < a.getValue() ? b : a).map(Map.Entry::getKey);
    }

    /** The up zone with the most nodes; empty when no zone is up. */
    Optional<String> fullest() {
        return nodes.entrySet().stream().reduce((a, b) -> b.getValue() > a.getValue() ? b : a).map(Map.Entry::getKey);
    }

    /** Nodes in {@code zone} (0 if it is down). */
    int in(String zone) {
        return nodes.getOrDefault(zone, 0);
    }
}
