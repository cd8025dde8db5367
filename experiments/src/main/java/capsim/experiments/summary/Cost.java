package capsim.experiments.summary;

import capsim.models.catalog.Catalog;
import capsim.models.catalog.NodeType;
import capsim.models.spec.TierSpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The projected monthly bill: for each tier, the time-averaged nodes in service x the node's
 * on-demand hourly price (the catalog's, or a custom tier's {@code hourly_usd}) x 730 hours
 * (the AWS billing convention of 365 x 24 / 12 hours in a month).
 */
public record Cost(double monthlyUsd, Map<String, Double> tierMonthlyUsd) {
    /** Hours in the projected month. */
    public static final double HOURS_PER_MONTH = 730;

    public Cost {
        tierMonthlyUsd = Collections.unmodifiableMap(new LinkedHashMap<>(tierMonthlyUsd));
    }

    /** The cost of {@code tiers} with {@code meanNodes} (by tier name) nodes in service on average. */
    public static Cost of(List<TierSpec> tiers, Map<String, Double> meanNodes, Catalog catalog) {
        Map<String, Double> byTier = new LinkedHashMap<>();
        double total = 0;
        for (TierSpec tier : tiers) {
            double usd = meanNodes.getOrDefault(tier.name(), 0.0) * hourlyUsd(tier, catalog) * HOURS_PER_MONTH;
            byTier.put(tier.name(), usd);
            total += usd;
        }
        return new Cost(total, byTier);
    }

    /** The hourly on-demand price of one node of {@code tier}, USD. */
    public static double hourlyUsd(TierSpec tier, Catalog catalog) {
        if ("custom".equals(tier.node())) {
            return tier.hourlyUsd().orElse(0);
        }
        return catalog.find(tier.node()).map(NodeType::hourlyUsd)
                .orElseThrow(() -> new IllegalArgumentException("unknown node type " + tier.node()));
    }
}
