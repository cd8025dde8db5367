package capsim.models.credits;

import capsim.models.spec.CreditsSpec;
import java.util.List;
import java.util.OptionalDouble;

/**
 * What a tier's burstable nodes did with their CPU credits over the measured period (all nodes
 * together): credits spent, credits earned (before the cap), surplus credits newly owed
 * (unlimited mode: the growth of the negative balances), node-seconds held at baseline (standard
 * mode), and when a node's balance first ran out (simulated seconds from the start, warm-up
 * included; empty if never).
 */
public record CreditUsage(CreditsSpec.Mode mode, double spentCredits, double earnedCredits, double surplusCredits,
                          double throttledNodeS, OptionalDouble firstEmptyS) {
    /** The mean of {@code usages} (replications of one tier); the earliest time a balance ran out. */
    public static CreditUsage mean(List<CreditUsage> usages) {
        int n = usages.size();
        OptionalDouble first = usages.stream().filter(u -> u.firstEmptyS().isPresent())
                .mapToDouble(u -> u.firstEmptyS().getAsDouble()).min();
        return new CreditUsage(usages.get(0).mode(),
                usages.stream().mapToDouble(CreditUsage::spentCredits).sum() / n,
                usages.stream().mapToDouble(CreditUsage::earnedCredits).sum() / n,
                usages.stream().mapToDouble(CreditUsage::surplusCredits).sum() / n,
                usages.stream().mapToDouble(CreditUsage::throttledNodeS).sum() / n, first);
    }
}
