package capsim.models.cost;

import capsim.models.catalog.Catalog;
import capsim.models.catalog.NodeType;
import capsim.models.spec.ClassSpec;
import capsim.models.spec.CostLineSpec;
import capsim.models.spec.CostSpec;
import capsim.models.spec.CreditsSpec;
import capsim.models.spec.CurrencySpec;
import capsim.models.spec.ModelSpec;
import capsim.models.spec.TierSpec;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The projected monthly bill of a model, in USD, over a {@link MonthProjection#HOURS_PER_MONTH}
 * hour month:
 * <ul>
 *   <li>per tier: mean billed nodes (launched and not stopped, so booting, draining and failed
 *       nodes count; projected by {@link MonthProjection}) x the hourly on-demand price (the
 *       catalog's, or a custom tier's {@code hourly_usd}) x 730;</li>
 *   <li>per unlimited-mode burstable tier: surplus credits at the node type's price per vCPU-hour
 *       ({@link NodeType.BurstCredits#surplusUsdPerVcpuHour()}, from the catalog: $0.05 for EC2
 *       T3, $0.075 for RDS T3). AWS bills the surplus when a node's 24-hour average exceeds its
 *       baseline; here the month is the measured period repeated (or the profile's day), so its
 *       surplus is max(0, credits spent - credits earned) per hour
 *       (spending x the load factor, earnings x the projected / measured nodes) x 730, with the
 *       tier's nodes pooled (balancers share the load evenly). A starting balance is spent within
 *       the first hours of such a month and is left out;</li>
 *   <li>the {@code cost.lines}: quantity x price, fixed amounts, and shares of everything else;</li>
 * </ul>
 * plus the cost per user, the plan's own figure and the budget's verdict.
 */
public record MonthlyBill(double monthlyUsd, Map<String, TierBill> tiers, Map<String, Double> linesUsd,
                         MonthProjection projection, OptionalLong users, Optional<Double> planUsd,
                         Optional<Budget> budget) {

    public MonthlyBill {
        tiers = Collections.unmodifiableMap(new LinkedHashMap<>(tiers));
        linesUsd = Collections.unmodifiableMap(new LinkedHashMap<>(linesUsd));
    }

    /**
     * One tier's month: its node type, mean billed nodes, hourly price, the nodes' cost and the
     * surplus credits' cost, USD.
     */
    public record TierBill(String node, double nodesMean, double hourlyUsd, double nodesUsd,
                           double creditsSurplusUsd) {
        /** Nodes and surplus credits, USD. */
        public double monthlyUsd() {
            return nodesUsd + creditsSurplusUsd;
        }
    }

    /** Where the bill falls against the budget. */
    public enum Verdict { UNDER, WITHIN, OVER }

    /** The budget's bounds in USD and the verdict. */
    public record Budget(OptionalDouble minUsd, OptionalDouble maxUsd, Verdict verdict) {
    }

    /** Cost per user per month, USD, when the users are known. */
    public OptionalDouble perUserUsd() {
        return users.isPresent() ? OptionalDouble.of(monthlyUsd / users.getAsLong()) : OptionalDouble.empty();
    }

    /** The bill of {@code spec} whose tiers used {@code usage} (by tier name, mean over replications). */
    public static MonthlyBill of(ModelSpec spec, Catalog catalog, Map<String, TierUsage> usage) {
        MonthProjection projection = MonthProjection.of(spec);
        double measuredH = spec.run().durationS() / 3600.0;
        Map<String, TierBill> tiers = new LinkedHashMap<>();
        double total = 0;
        for (TierSpec tier : spec.tiers()) {
            TierUsage u = usage.getOrDefault(tier.name(), new TierUsage(0, Optional.empty()));
            double nodes = projection.nodesMean(tier, u.billedNodesMean());
            double hourly = hourlyUsd(tier, catalog);
            double nodeFactor = u.billedNodesMean() > 0 ? nodes / u.billedNodesMean() : 1;
            double surplusUsd = u.credits().filter(c -> c.mode() == CreditsSpec.Mode.UNLIMITED)
                    .map(c -> burstCredits(tier, catalog).surplusUsd(Math.max(0, c.spentCredits()
                            * projection.loadFactor() - c.earnedCredits() * nodeFactor) / measuredH
                            * MonthProjection.HOURS_PER_MONTH))
                    .orElse(0.0);
            TierBill bill = new TierBill(tier.nodeLabel(), nodes, hourly, nodes * hourly * MonthProjection.HOURS_PER_MONTH,
                    surplusUsd);
            tiers.put(tier.name(), bill);
            total += bill.monthlyUsd();
        }
        CostSpec cost = spec.cost();
        Optional<CurrencySpec> currency = spec.currency();
        double beforeShares = total + cost.lines().stream().filter(l -> l.form() != CostLineSpec.Form.SHARE)
                .mapToDouble(l -> lineUsd(l, currency)).sum();
        Map<String, Double> lines = new LinkedHashMap<>();
        for (CostLineSpec line : cost.lines()) {
            lines.put(line.name(), line.form() == CostLineSpec.Form.SHARE
                    ? Math.max(line.minUsdPerMonth(), beforeShares * line.price() / 100) : lineUsd(line, currency));
        }
        double monthly = total + lines.values().stream().mapToDouble(Double::doubleValue).sum();
        return new MonthlyBill(monthly, tiers, lines, projection, users(spec),
                cost.planMonthly().map(m -> m.usd(currency)), budget(cost, currency, monthly));
    }

    /** A line's monthly amount, USD: quantity x price per unit (not for shares). */
    private static double lineUsd(CostLineSpec line, Optional<CurrencySpec> currency) {
        double amount = line.quantity() * line.price() / line.form().unitsPerPrice();
        return line.form() == CostLineSpec.Form.FIXED_LOCAL ? amount / currency.orElseThrow().perUsd() : amount;
    }

    /** The hourly on-demand price of one node of {@code tier}, USD. */
    public static double hourlyUsd(TierSpec tier, Catalog catalog) {
        if ("custom".equals(tier.node())) {
            return tier.hourlyUsd().orElse(0);
        }
        return catalog.find(tier.node()).map(NodeType::hourlyUsd)
                .orElseThrow(() -> new IllegalArgumentException("unknown node type " + tier.node()));
    }

    /** The burst-credit parameters of {@code tier}'s node type (only catalog types earn credits). */
    private static NodeType.BurstCredits burstCredits(TierSpec tier, Catalog catalog) {
        return catalog.find(tier.node()).flatMap(NodeType::credits)
                .orElseThrow(() -> new IllegalArgumentException(tier.node() + " earns no CPU credits"));
    }

    /** {@code cost.users}, else the users of the closed classes, if any. */
    private static OptionalLong users(ModelSpec spec) {
        if (spec.cost().users().isPresent()) {
            return spec.cost().users();
        }
        long closed = spec.workload().classes().stream().filter(ClassSpec::closed)
                .mapToLong(c -> c.users().getAsInt()).sum();
        return closed > 0 ? OptionalLong.of(closed) : OptionalLong.empty();
    }

    private static Optional<Budget> budget(CostSpec cost, Optional<CurrencySpec> currency, double monthlyUsd) {
        if (cost.budgetMinMonthly().isEmpty() && cost.budgetMaxMonthly().isEmpty()) {
            return Optional.empty();
        }
        OptionalDouble min = cost.budgetMinMonthly().map(m -> OptionalDouble.of(m.usd(currency)))
                .orElse(OptionalDouble.empty());
        OptionalDouble max = cost.budgetMaxMonthly().map(m -> OptionalDouble.of(m.usd(currency)))
                .orElse(OptionalDouble.empty());
        Verdict verdict = max.isPresent() && monthlyUsd > max.getAsDouble() ? Verdict.OVER
                : min.isPresent() && monthlyUsd < min.getAsDouble() ? Verdict.UNDER : Verdict.WITHIN;
        return Optional.of(new Budget(min, max, verdict));
    }
}
