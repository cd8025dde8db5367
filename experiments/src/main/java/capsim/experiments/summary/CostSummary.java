package capsim.experiments.summary;

import capsim.models.catalog.Catalog;
import capsim.models.cost.MonthProjection;
import capsim.models.cost.MonthlyBill;
import capsim.models.cost.MonthlyBill.TierBill;
import capsim.models.cost.TierUsage;
import capsim.models.credits.CreditUsage;
import capsim.models.spec.CreditsSpec;
import capsim.models.spec.CurrencySpec;
import capsim.models.spec.ModelSpec;
import capsim.models.spec.TierSpec;
import capsim.models.system.ReplicationResult;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code cost} block of summary.json ({@link MonthlyBill} of the replications' mean usage)
 * and the {@code credits} block of each burstable tier. A replication without billing usage for a
 * tier (a hand-made result) is billed for its mean nodes in service.
 */
final class CostSummary {
    private final ModelSpec spec;
    private final Map<String, TierUsage> usage = new LinkedHashMap<>();
    private final MonthlyBill bill;

    CostSummary(ModelSpec spec, Catalog catalog, List<ReplicationResult> results) {
        this.spec = spec;
        for (TierSpec t : spec.tiers()) {
            List<TierUsage> each = new ArrayList<>();
            for (ReplicationResult r : results) {
                TierUsage u = r.usage().get(t.name());
                each.add(u != null ? u : new TierUsage(r.tiers().get(t.name()).nodesMean(), Optional.empty()));
            }
            usage.put(t.name(), each.isEmpty() ? new TierUsage(0, Optional.empty()) : TierUsage.mean(each));
        }
        this.bill = MonthlyBill.of(spec, catalog, usage);
    }

    /** The {@code cost} block. */
    ObjectNode json(List<String> notes) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        Optional<CurrencySpec> currency = spec.currency();
        node.put("monthly_usd", money(bill.monthlyUsd()));
        currency.ifPresent(c -> {
            node.put("monthly_local", money(bill.monthlyUsd() * c.perUsd()));
            node.put("currency", c.code());
        });
        node.put("hours_per_month", MonthProjection.HOURS_PER_MONTH);
        ObjectNode projection = node.putObject("projection");
        projection.put("basis", bill.projection().daily() ? "daily_profile" : "measured");
        projection.put("load_factor", Round.to(bill.projection().loadFactor(), Round.RATIO));
        ObjectNode byTier = node.putObject("by_tier");
        bill.tiers().forEach((name, t) -> byTier.set(name, tierJson(t)));
        ObjectNode lines = node.putObject("lines");
        bill.linesUsd().forEach((name, usd) -> lines.put(name, money(usd)));
        bill.users().ifPresent(u -> node.put("users", u));
        bill.perUserUsd().ifPresent(u -> node.put("per_user_usd", Round.to(u, Round.PRICE)));
        bill.planUsd().ifPresent(p -> {
            node.put("plan_monthly_usd", money(p));
            currency.ifPresent(c -> node.put("plan_monthly_local", money(p * c.perUsd())));
        });
        bill.budget().ifPresent(b -> {
            ObjectNode budget = node.putObject("budget");
            b.minUsd().ifPresent(v -> budget.put("min_monthly_usd", money(v)));
            b.maxUsd().ifPresent(v -> budget.put("max_monthly_usd", money(v)));
            currency.ifPresent(c -> {
                b.minUsd().ifPresent(v -> budget.put("min_monthly_local", money(v * c.perUsd())));
                b.maxUsd().ifPresent(v -> budget.put("max_monthly_local", money(v * c.perUsd())));
            });
            budget.put("verdict", b.verdict().name().toLowerCase(Locale.ROOT));
        });
        if (bill.projection().daily()) {
            notes.add(String.format(Locale.ROOT, "cost: the month is the profile's day repeated (load factor %.3f"
                    + " of the measured period); autoscaled tiers' nodes follow the load", bill.projection()
                    .loadFactor()));
        }
        return node;
    }

    /** Adds {@code credits} to each burstable tier's block of {@code tiers} and notes what happened. */
    void addCredits(ObjectNode tiers, List<String> notes) {
        double measuredS = spec.run().durationS();
        usage.forEach((name, u) -> u.credits().ifPresent(c -> {
            ObjectNode node = ((ObjectNode) tiers.get(name)).putObject("credits");
            double nodeS = u.billedNodesMean() * measuredS;
            node.put("mode", c.mode().name().toLowerCase(Locale.ROOT));
            node.put("spent_credits_per_h", Round.to(c.spentCredits() / measuredS * 3600, Round.RATE));
            node.put("earned_credits_per_h", Round.to(c.earnedCredits() / measuredS * 3600, Round.RATE));
            node.put("surplus_credits", Round.to(c.surplusCredits(), Round.RATE));
            node.put("throttled_ratio", Round.to(nodeS > 0 ? c.throttledNodeS() / nodeS : 0, Round.RATIO));
            c.firstEmptyS().ifPresent(s -> node.put("empty_at_s", Round.to(s, Round.RATE)));
            notes(name, c, nodeS, notes);
        }));
    }

    private void notes(String tier, CreditUsage c, double nodeS, List<String> notes) {
        TierBill t = bill.tiers().get(tier);
        if (c.mode() == CreditsSpec.Mode.STANDARD && c.throttledNodeS() > 0) {
            notes.add(String.format(Locale.ROOT, "tier %s ran out of CPU credits (first at %.0f s): held at"
                    + " baseline for %.1f%% of its node time", tier, c.firstEmptyS().orElse(0), 100 * c.throttledNodeS()
                    / nodeS));
        } else if (t.creditsSurplusUsd() > 0) {
            notes.add(String.format(Locale.ROOT, "tier %s runs above its CPU-credit baseline: surplus credits"
                    + " $%.2f a month (unlimited mode)", tier, t.creditsSurplusUsd()));
        }
    }

    private static ObjectNode tierJson(TierBill t) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("node", t.node());
        node.put("nodes_mean", Round.to(t.nodesMean(), Round.RATE));
        node.put("hourly_usd", Round.to(t.hourlyUsd(), Round.PRICE));
        node.put("credits_surplus_usd", money(t.creditsSurplusUsd()));
        node.put("monthly_usd", money(t.monthlyUsd()));
        return node;
    }

    private static double money(double usd) {
        return Round.to(usd, Round.MONEY);
    }
}
