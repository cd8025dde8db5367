package capsim.models.failure;

import capsim.models.spec.ModelSpec;
import capsim.models.spec.TierSpec;
import capsim.models.tier.Node;
import capsim.models.tier.Tier;
import java.util.Map;

/**
 * How many nodes of each tier (and of each tier in each zone) are in service: what a failure
 * striking now meets. {@link #of(ModelSpec)} reads the model file's counts; {@link #of(Map)}
 * reads a running system, whose schedule or autoscaler may run more or fewer.
 */
public interface Fleet {
    /** Nodes of {@code tier} in service. */
    int inService(String tier);

    /** Nodes of {@code tier} in service in {@code zone}. */
    int inService(String tier, String zone);

    /** The model file's counts: node i of a tier is in its zone i mod (zones). */
    static Fleet of(ModelSpec model) {
        return new Fleet() {
            @Override
            public int inService(String tier) {
                return model.tier(tier).map(TierSpec::count).orElseThrow();
            }

            @Override
            public int inService(String tier, String zone) {
                TierSpec t = model.tier(tier).orElseThrow();
                int zones = t.operations().zones().size();
                int i = t.operations().zones().indexOf(zone);
                return i < 0 ? 0 : (t.count() - i + zones - 1) / zones;
            }
        };
    }

    /** The nodes in service now in the running {@code tiers}, by name. */
    static Fleet of(Map<String, Tier> tiers) {
        return new Fleet() {
            @Override
            public int inService(String tier) {
                return tiers.get(tier).count(Node.State.IN_SERVICE);
            }

            @Override
            public int inService(String tier, String zone) {
                int n = 0;
                for (Node node : tiers.get(tier).nodes()) {
                    if (node.state() == Node.State.IN_SERVICE && node.zone().equals(zone)) {
                        n++;
                    }
                }
                return n;
            }
        };
    }
}
