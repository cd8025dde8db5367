package capsim.models.cost;

import capsim.engine.kernel.Simulation;
import capsim.models.credits.TierCredits;
import capsim.models.tier.Horizon;
import capsim.models.tier.Tier;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads each tier's billed nodes (time-weighted since warm-up, {@link Tier#nodesBilled()}) at the
 * end of the measured period, exactly, and pairs them with the tier's CPU credits.
 */
public final class UsageMeter {
    private final Map<String, Tier> tiers;
    private final Map<String, TierCredits> credits;
    private final Map<String, Double> billedNodesMean = new LinkedHashMap<>();

    /** Meters {@code tiers} (by name) with their {@code credits}; schedules the reading at the horizon's end. */
    public UsageMeter(Map<String, Tier> tiers, Map<String, TierCredits> credits, Simulation sim, Horizon horizon) {
        this.tiers = tiers;
        this.credits = credits;
        sim.schedule(horizon.endS(), () -> tiers.forEach((name, t) ->
                billedNodesMean.put(name, t.nodesBilled().average(horizon.endS()))));
    }

    /** Usage per tier, in the tiers' order (after the run has passed the end of the measured period). */
    public Map<String, TierUsage> usage() {
        Map<String, TierUsage> usage = new LinkedHashMap<>();
        tiers.forEach((name, t) -> usage.put(name, new TierUsage(billedNodesMean.getOrDefault(name, 0.0),
                Optional.ofNullable(credits.get(name)).map(TierCredits::usage))));
        return usage;
    }
}
