package capsim.models.load;

import capsim.models.catalog.Catalog;
import capsim.models.catalog.NodeType;
import capsim.models.load.Values.Bound;
import capsim.models.spec.CreditsSpec;
import java.util.List;
import java.util.Optional;

/**
 * Binds a tier's {@code credits:} section: {@code mode} (standard | unlimited) and
 * {@code initial} credits per node, defaults {@link CreditsSpec#DEFAULT}. Only a node type that
 * earns CPU credits in the catalog takes it, and {@code initial} is at most its maximum balance.
 */
final class CreditsBinder {
    static final List<String> KEYS = List.of("mode", "initial");

    private CreditsBinder() {
    }

    static Optional<CreditsSpec> bind(Section tier, String nodeType, Catalog catalog, Problems problems) {
        if (!tier.has("credits")) {
            return Optional.empty();
        }
        Optional<NodeType> type = catalog.find(nodeType);
        if (type.isPresent() && type.get().credits().isEmpty() || nodeType.equals(TierBinder.CUSTOM)) {
            tier.reportKey("credits", "'credits' applies only to burstable node types ("
                    + String.join(", ", burstable(catalog)) + "); " + nodeType + " earns no CPU credits");
            return Optional.empty();
        }
        return tier.section("credits", KEYS).map(c -> {
            double initial = c.number("initial", Bound.NON_NEGATIVE).orElse(CreditsSpec.DEFAULT.initialCredits());
            Optional<NodeType.BurstCredits> credits = type.flatMap(NodeType::credits);
            if (credits.isPresent() && initial > credits.get().maxBalance()) {
                c.reportKey("initial", "must be <= " + Values.format(credits.get().maxBalance())
                        + ", the maximum balance of " + nodeType + ", was " + Values.format(initial));
            }
            return new CreditsSpec(c.choice("mode", CreditsSpec.Mode.class, false).orElse(CreditsSpec.DEFAULT.mode()),
                    initial);
        });
    }

    private static List<String> burstable(Catalog catalog) {
        return catalog.names().stream().filter(n -> catalog.find(n).flatMap(NodeType::credits).isPresent()).toList();
    }
}
