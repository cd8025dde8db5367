package capsim.models.cost;

import capsim.models.credits.CreditUsage;
import java.util.List;
import java.util.Optional;

/**
 * What a tier used over the measured period, for the bill: billed nodes (launched and not
 * stopped: booting, in service, draining, failed), time-averaged, and the CPU credits of its
 * burstable nodes (empty for other types).
 */
public record TierUsage(double billedNodesMean, Optional<CreditUsage> credits) {
    /** The mean of {@code usages} (replications of one tier). */
    public static TierUsage mean(List<TierUsage> usages) {
        double nodes = usages.stream().mapToDouble(TierUsage::billedNodesMean).average().orElse(0);
        List<CreditUsage> credits = usages.stream().flatMap(u -> u.credits().stream()).toList();
        return new TierUsage(nodes, credits.isEmpty() ? Optional.empty() : Optional.of(CreditUsage.mean(credits)));
    }
}
