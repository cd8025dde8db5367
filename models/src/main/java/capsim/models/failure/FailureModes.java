package capsim.models.failure;

import capsim.models.spec.ModelSpec;
import capsim.models.spec.TierSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The failure modes of a model, in file order: a node down for every tier with
 * {@code failures}, an instance down for every {@code managed} tier, then each zone that holds a
 * node (in the order zones first appear) when the model has zone {@code failures}. Node counts
 * are the tiers' initial {@code count}.
 */
public final class FailureModes {
    private FailureModes() {
    }

    public static List<FailureMode> of(ModelSpec model) {
        List<FailureMode> modes = new ArrayList<>();
        double windowS = model.uptime().windowS();
        for (TierSpec t : model.tiers()) {
            t.operations().failures().ifPresent(f -> modes.add(FailureMode.NodeDown.of(t, f, windowS)));
            t.operations().managed().ifPresent(m -> modes.add(FailureMode.NodeDown.ofManaged(t.name(), t.count(), m)));
        }
        model.zoneFailures().ifPresent(z -> {
            Map<String, List<String>> tiersByZone = new LinkedHashMap<>();
            Map<String, List<Integer>> takenByZone = new LinkedHashMap<>();
            Map<String, List<Impact>> impactsByZone = new LinkedHashMap<>();
            for (TierSpec t : model.tiers()) {
                List<String> zones = zonesHoldingNodes(t);
                for (int i = 0; i < zones.size(); i++) {
                    String zone = zones.get(i);
                    tiersByZone.computeIfAbsent(zone, k -> new ArrayList<>()).add(t.name());
                    // nodes i, i + n, i + 2n, ... of the tier's count are in its i-th of n zones
                    int taken = (t.count() - i + t.operations().zones().size() - 1) / t.operations().zones().size();
                    takenByZone.computeIfAbsent(zone, k -> new ArrayList<>()).add(taken);
                    impactsByZone.computeIfAbsent(zone, k -> new ArrayList<>())
                            .add(Impact.ofZone(t, zone, z.mttrS(), windowS));
                }
            }
            tiersByZone.forEach((zone, tiers) -> modes.add(new FailureMode.ZoneDown(zone, z, tiers,
                    takenByZone.get(zone), impactsByZone.get(zone))));
        });
        return List.copyOf(modes);
    }

    /** The zones of {@code tier} that hold one of its initial nodes (node i is in zone i mod zones). */
    private static List<String> zonesHoldingNodes(TierSpec tier) {
        List<String> zones = tier.operations().zones();
        return zones.subList(0, Math.min(zones.size(), tier.count()));
    }
}
