package capsim.models.cost;

import capsim.models.credits.TierCredits;
import capsim.models.period.Period;
import capsim.models.tier.Tier;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Pairs each tier's billed nodes over a measured period (time-weighted, exact) with the tier's
 * CPU credits.
 */
public final class UsageMeter {
    private final Map<String, Tier> tiers;
    private final Map<String, TierCredits> credits;
    private final Period period;

    /** Meters {@code tiers} (by name) with their {@code credits} over {@code period}. */
    public UsageMeter(Map<String, Tier> tiers, Map<String, TierCredits> credits, Period period) {
        this.tiers = tiers;
        this.credits = credits;
        this.period = period;
    }

    /** Usage per tier, in the tiers' order (once the run has passed the end of the period). */
    public Map<String, TierUsage> usage() {
        double endS = period.horizon().endS();
        Map<String, TierUsage> usage = new LinkedHashMap<>();
        tiers.forEach((name, t) -> usage.put(name, new TierUsage(period.tier(name).nodesBilled().average(endS),
                Optional.ofNullable(credits.get(name)).map(TierCredits::usage))));
        return usage;
    }
}
