package capsim.models.spec;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code cost:}: what the model adds to the node bill and what it compares the bill with.
 * <ul>
 *   <li>{@code users}: people served, for the cost per user (default: the closed classes' users);</li>
 *   <li>{@code plan_monthly_usd} or {@code plan_monthly_local}: the plan's own monthly figure,
 *       shown next to capsim's;</li>
 *   <li>{@code budget}: {@code min_monthly_usd|local}, {@code max_monthly_usd|local};</li>
 *   <li>{@code lines}: further monthly costs, each {@code name} plus one {@link CostLineSpec.Form}.</li>
 * </ul>
 * {@code _local} amounts are in the model's {@code currency}.
 */
public record CostSpec(OptionalLong users, Optional<Money> planMonthly, Optional<Money> budgetMinMonthly,
                       Optional<Money> budgetMaxMonthly, List<CostLineSpec> lines) {
    public static final CostSpec NONE = new CostSpec(OptionalLong.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), List.of());

    public CostSpec {
        lines = List.copyOf(lines);
    }

    /** An amount of money, in USD or ({@code local}) in the model's currency. */
    public record Money(double amount, boolean local) {
        /** The amount in USD; a local amount needs {@code currency}. */
        public double usd(Optional<CurrencySpec> currency) {
            if (!local) {
                return amount;
            }
            return amount / currency.orElseThrow(() -> new IllegalStateException("a _local amount needs a currency"))
                    .perUsd();
        }
    }
}
