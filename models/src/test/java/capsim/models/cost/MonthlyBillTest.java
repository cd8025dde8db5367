package capsim.models.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import capsim.models.catalog.Catalog;
import capsim.models.cost.MonthlyBill.TierBill;
import capsim.models.credits.CreditUsage;
import capsim.models.load.ModelException;
import capsim.models.load.ModelLoader;
import capsim.models.spec.CreditsSpec;
import capsim.models.spec.ModelSpec;
import capsim.models.system.Accounting;
import capsim.models.system.ModelRunner;
import capsim.models.system.ReplicationResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** The monthly bill against hand computations (prices from the built-in catalog, FACTS.md). */
class MonthlyBillTest {
    private static final Catalog CATALOG = Catalog.builtIn();

    private static ModelSpec parse(String yaml) throws ModelException {
        return new ModelLoader(CATALOG).parse(yaml, "bill.yaml");
    }

    /** A model with tiers {@code tiers} (YAML list items), 10 req/s of 1 ms on app, and {@code extra} top-level text. */
    private static String model(String run, String profile, String tiers, String extra) {
        return """
                name: bill
                run: %s
                workload:
                  profile: %s
                  classes:
                    - name: api
                      rate_per_s: 10
                      steps:
                        - {tier: app, service_ms: {dist: deterministic, mean: 1}}
                tiers:
                %s
                %s
                """.formatted(run, profile, tiers.indent(2).stripTrailing(), extra);
    }

    /*
     * Hand computation, 730-hour month, USD:
     *   app   4 x t3.medium   4 x 0.0416 x 730 = 121.472  (load 10/s x 1 ms = 1% of 8 vCPUs:
     *                                                     below the 20% baseline, no surplus)
     *   db    1 x db.t3.medium    0.072 x 730 =  52.56   (idle: earns credits, no surplus)
     *   s3        750 GB-month x 0.023        =  17.25
     *   transfer  30,000 GB x 0.09            = 2,700
     *   cdn       fixed                       = 120
     *   openai    2,000,000 tokens x $60 / 1M = 120
     *   tools     TZS 260,000 / 2,600         = 100
     *   support   10% of the above 3,231.282  = 323.1282 (above its $100 floor)
     *   total                                 = 3,554.4102;  x 2,600 = TZS 9,241,466.52
     *   per user: 3,554.4102 / 100,000 = 0.035544102
     *   budget TZS 300,000 .. 10,000,000 = $115.38 .. $3,846.15: within.
     */
    @Test
    void aFixedModelsBillIsTheHandComputedSum() throws ModelException {
        ModelSpec spec = parse(model("{duration_s: 60, warmup_s: 10, replications: 1, seed: 1}", "{kind: constant}", """
                - {name: app, node: t3.medium, count: 4}
                - {name: db, node: db.t3.medium, count: 1}""", """
                currency: {code: TZS, per_usd: 2600}
                cost:
                  users: 100000
                  plan_monthly_usd: 4500
                  budget: {min_monthly_local: 300000, max_monthly_local: 10000000}
                  lines:
                    - {name: s3, gb_month: 750, usd_per_gb_month: 0.023}
                    - {name: transfer, gb_per_month: 30000, usd_per_gb: 0.09}
                    - {name: cdn, usd_per_month: 120}
                    - {name: openai, tokens_per_month: 2000000, usd_per_million_tokens: 60}
                    - {name: tools, local_per_month: 260000}
                    - {name: support, percent_of_bill: 10, min_usd_per_month: 100}
                """));
        ReplicationResult r = Accounting.checked(new ModelRunner(spec).run(0));
        MonthlyBill bill = MonthlyBill.of(spec, CATALOG, r.usage());

        assertTierBill("t3.medium", 4, 0.0416, 121.472, 0, bill.tiers().get("app"));
        assertEquals(0, r.usage().get("app").credits().orElseThrow().surplusCredits());
        assertTierBill("db.t3.medium", 1, 0.072, 52.56, 0, bill.tiers().get("db"));
        assertEquals(0, r.usage().get("db").credits().orElseThrow().surplusCredits());
        Map<String, Double> lines = bill.linesUsd();
        assertEquals(List.of("s3", "transfer", "cdn", "openai", "tools", "support"), List.copyOf(lines.keySet()));
        assertEquals(17.25, lines.get("s3"), 1e-9);
        assertEquals(2700, lines.get("transfer"), 1e-9);
        assertEquals(120, lines.get("cdn"), 1e-9);
        assertEquals(120, lines.get("openai"), 1e-9);
        assertEquals(100, lines.get("tools"), 1e-9);
        assertEquals(323.1282, lines.get("support"), 1e-9);
        assertEquals(3554.4102, bill.monthlyUsd(), 1e-9);
        assertEquals(0.035544102, bill.perUserUsd().orElseThrow(), 1e-12);
        assertEquals(Optional.of(4500.0), bill.planUsd());
        MonthlyBill.Budget budget = bill.budget().orElseThrow();
        assertEquals(300_000 / 2600.0, budget.minUsd().orElseThrow(), 1e-9);
        assertEquals(MonthlyBill.Verdict.WITHIN, budget.verdict());
        assertFalse(bill.projection().daily());
    }

    /* A custom node is billed at its own price and named by its own size: 2 x 0.10 x 730 = 146. */
    @Test
    void aCustomNodeIsNamedByItsSizeInTheBill() throws ModelException {
        ModelSpec spec = parse(model("{duration_s: 60, warmup_s: 10, replications: 1, seed: 1}", "{kind: constant}", """
                - {name: app, node: custom, count: 2, vcpu: 2, memory_gb: 4, hourly_usd: 0.10}""", ""));
        ReplicationResult r = Accounting.checked(new ModelRunner(spec).run(0));

        assertTierBill("custom 2 vCPU 4 GB", 2, 0.10, 146, 0, MonthlyBill.of(spec, CATALOG, r.usage()).tiers().get("app"));
    }

    private static void assertTierBill(String node, double nodes, double hourlyUsd, double nodesUsd, double surplusUsd,
                                       TierBill actual) {
        assertEquals(node, actual.node());
        assertEquals(nodes, actual.nodesMean(), 1e-12);
        assertEquals(hourlyUsd, actual.hourlyUsd(), 0);
        assertEquals(nodesUsd, actual.nodesUsd(), 1e-9);
        assertEquals(surplusUsd, actual.creditsSurplusUsd(), 1e-9);
    }

    /* A support share below its floor costs the floor; a bill above the budget is over it. */
    @Test
    void shareFloorAndOverBudget() throws ModelException {
        ModelSpec spec = parse(model("{duration_s: 60}", "{kind: constant}", "- {name: app, node: t3.medium, count: 1}",
                """
                cost:
                  budget: {max_monthly_usd: 100}
                  lines:
                    - {name: support, percent_of_bill: 10, min_usd_per_month: 100}
                """));
        MonthlyBill bill = MonthlyBill.of(spec, CATALOG, Map.of("app", new TierUsage(1, Optional.empty())));

        // 0.0416 x 730 = 30.368; 10% = 3.04 < 100
        assertEquals(130.368, bill.monthlyUsd(), 1e-9);
        assertEquals(MonthlyBill.Verdict.OVER, bill.budget().orElseThrow().verdict());
        assertTrue(bill.users().isEmpty());
    }

    /*
     * 4 t3.medium nodes at 60% for a measured hour, unlimited: spent 4 x 72 = 288 credits, earned
     * 4 x 24 = 96: 192 surplus credits an hour, x 730 = 140,160 a month = 2,336 vCPU-hours x $0.05
     * = $116.80 (= 4 nodes x 2 vCPU x (60% - 20%) x 730 h x $0.05). Standard mode: no surplus bill.
     */
    @Test
    void unlimitedSurplusIsBilledPerVcpuHour() throws ModelException {
        ModelSpec spec = parse(model("{duration_s: 3600}", "{kind: constant}", "- {name: app, node: t3.medium, count: 4}",
                ""));
        CreditUsage unlimited = new CreditUsage(CreditsSpec.Mode.UNLIMITED, 288, 96, 0, 0, OptionalDouble.empty());
        CreditUsage standard = new CreditUsage(CreditsSpec.Mode.STANDARD, 288, 96, 0, 0, OptionalDouble.empty());

        TierBill billed = MonthlyBill.of(spec, CATALOG, Map.of("app", new TierUsage(4, Optional.of(unlimited))))
                .tiers().get("app");
        assertEquals(116.80, billed.creditsSurplusUsd(), 1e-9);
        assertEquals(121.472 + 116.80, billed.monthlyUsd(), 1e-9);
        assertEquals(0, MonthlyBill.of(spec, CATALOG, Map.of("app", new TierUsage(4, Optional.of(standard))))
                .tiers().get("app").creditsSurplusUsd());
    }

    /*
     * RDS T3 bills surplus at its own price. A db.t3.medium at 75% of 2 vCPUs for a measured hour,
     * unlimited: spent 2 x 0.75 x 60 = 90 credits, earned 24: 66 surplus credits an hour = 1.1
     * vCPU-hours (= 2 x (75% - 20%)), x 730 h = 803 vCPU-hours x $0.075 (RDS) = $60.225 a month;
     * at EC2's $0.05 it would be $40.15.
     */
    @Test
    void rdsT3SurplusIsBilledAtTheRdsPrice() throws ModelException {
        ModelSpec spec = parse(model("{duration_s: 3600}", "{kind: constant}", """
                - {name: app, node: t3.medium, count: 1}
                - {name: db, node: db.t3.medium, count: 1}""", ""));
        CreditUsage db = new CreditUsage(CreditsSpec.Mode.UNLIMITED, 90, 24, 0, 0, OptionalDouble.empty());

        TierBill billed = MonthlyBill.of(spec, CATALOG, Map.of("app", new TierUsage(1, Optional.empty()),
                "db", new TierUsage(1, Optional.of(db)))).tiers().get("db");
        assertTierBill("db.t3.medium", 1, 0.072, 52.56, 60.225, billed);
        assertEquals(52.56 + 60.225, billed.monthlyUsd(), 1e-9);
    }

    /*
     * Hourly profile: 0.5 for hours 0-11, 1.5 for hours 12-23 (day mean 1.0); one measured hour at
     * 12:00-13:00 (warm-up 12 h) where the multiplier is 1.5: load factor 1 / 1.5 = 2/3.
     *   web: autoscaled 2..10, 6 nodes measured: 6 x 0.5 / 1.5 = 2 for 12 h, 6 for 12 h -> 4 a day
     *        4 x 0.0416 x 730 = 121.472
     *   credits: spent 288/h x 2/3 = 192, earned 96/h x 4/6 = 64 -> 128/h x 730 = 93,440 credits
     *        = 1,557.33 vCPU-h x $0.05 = $77.866667
     *   app: fixed 3 nodes stay 3: 3 x 0.0416 x 730 = 91.104
     */
    @Test
    void aDailyProfileProjectsWorkAndAutoscaledNodesOverTheDay() throws ModelException {
        String hourly = "{kind: hourly, multipliers: [" + "0.5, ".repeat(12) + "1.5, ".repeat(11) + "1.5]}";
        ModelSpec spec = parse(model("{duration_s: 3600, warmup_s: 43200}", hourly, """
                - {name: app, node: t3.medium, count: 3}
                - {name: web, node: t3.medium, count: 6, autoscale: {policy: target_tracking, target: 60, min: 2, max: 10}}""", ""));
        CreditUsage credits = new CreditUsage(CreditsSpec.Mode.UNLIMITED, 288, 96, 0, 0, OptionalDouble.empty());
        MonthlyBill bill = MonthlyBill.of(spec, CATALOG, Map.of("app", new TierUsage(3, Optional.empty()),
                "web", new TierUsage(6, Optional.of(credits))));

        assertTrue(bill.projection().daily());
        assertEquals(2.0 / 3, bill.projection().loadFactor(), 1e-12);
        TierBill web = bill.tiers().get("web");
        assertEquals(4, web.nodesMean(), 1e-12);
        assertEquals(121.472, web.nodesUsd(), 1e-9);
        assertEquals(128 * 730 / 60.0 * 0.05, web.creditsSurplusUsd(), 1e-9);
        assertEquals(3, bill.tiers().get("app").nodesMean(), 0);
    }

    /* Peak 08:00-18:00 x 3: day mean (10 x 3 + 14 x 1) / 24 = 44/24; 07:30-08:30 averages (1 + 3) / 2 = 2. */
    @Test
    void profileMeansAreExactOverHoursAndPeakEdges() throws ModelException {
        ModelSpec spec = parse(model("{duration_s: 60}", "{kind: peak, from: \"08:00\", to: \"18:00\", factor: 3}",
                "- {name: app, node: t3.medium, count: 1}", ""));
        var profile = spec.workload().profile();

        assertEquals(44.0 / 24, MonthProjection.mean(profile, m -> m, 0, 86_400), 1e-12);
        assertEquals(2, MonthProjection.mean(profile, m -> m, 7.5 * 3600, 8.5 * 3600), 1e-12);
        assertEquals(44.0 / 24, MonthProjection.mean(profile, m -> m, 5 * 86_400 + 3600, 6 * 86_400 + 3600), 1e-12);
    }
}
