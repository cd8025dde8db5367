package capsim.experiments.summary;

import static capsim.experiments.Fixtures.CATALOG;
import static capsim.experiments.Fixtures.max;
import static capsim.experiments.Fixtures.min;
import static capsim.experiments.Fixtures.steps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import capsim.experiments.Fixtures;
import capsim.models.cost.TierUsage;
import capsim.models.credits.CreditUsage;
import capsim.models.spec.CostLineSpec;
import capsim.models.spec.CostSpec;
import capsim.models.spec.CreditsSpec;
import capsim.models.spec.CurrencySpec;
import capsim.models.spec.ModelSpec;
import capsim.models.spec.SloSpec;
import capsim.models.system.OfferedLoad.TierLoad;
import capsim.models.system.ReplicationResult;
import capsim.models.system.ReplicationResult.ClassResult;
import capsim.models.system.ReplicationResult.TierResult;
import capsim.models.system.ReplicationResult.WebSocketResult;
import capsim.models.system.ReplicationResult.WindowClass;
import capsim.models.system.ReplicationResult.WindowRow;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/*
 * Two hand-made replications of the "shop" model (Fixtures.model):
 *   rep 0: 10 s measured; api latencies 10, 20, ..., 1000 us (100 values); 110 arrived, 100
 *          completed, 6 rejected, 4 timed out; app util 0.5 on 2 nodes; db util 0.3 on 1 node.
 *   rep 1: 20 s measured; api latencies 11, 22, ..., 1100 us; 100 arrived and completed; app
 *          util 0.7 on 2..3 nodes (mean 2.5); db util 0.5, saturated.
 * Merged api latencies (200 values, all below 2048 us, so HdrHistogram holds them exactly):
 *   below x <= 1000 us there are floor(x/10) + floor(x/11) values.
 *   p50 = 100th value: at 520 there are 52 + 47 = 99, the next value is 528 = 11 x 48 -> 0.528 ms
 *   p90 = 180th: at 945 there are 94 + 85 = 179, the next is 946 = 11 x 86 -> 0.946 ms
 *   p95 = 190th: at 995 there are 99 + 90 = 189, the next is 1000 -> 1.0 ms
 *   p99 = 198th: the top three are 1078, 1089, 1100 -> 1.078 ms; p99.9 = 200th = max = 1.1 ms
 *   mean = (10 + 11) x 5050 / 200 us = 530.25 us
 * Per-replication p99s: 0.990 and 1.089 ms: mean 1.0395, s / sqrt(2) = 0.099 / 2 = 0.0495,
 *   t(0.975, 1) = 12.7062047 -> [1.0395 - 0.628957, 1.0395 + 0.628957] = [0.4105, 1.6685].
 * Throughput: mean of 100 / 10 and 100 / 20 = 7.5/s; error ratio pooled: (6 + 4) / 210 = 0.047619
 *   (the mean of the ratios, 0.04545, would be wrong).
 * Cost: app 2.25 mean nodes x $0.0416 x 730 h = $68.328, db 1 x $0.5 x 730 = $365 -> $433.33;
 *   at 2600 TZS per USD: 433.328 x 2600 = 1,126,652.80.
 */
class SummaryBuilderTest {
    private static final List<TierLoad> OFFERED = List.of(new TierLoad("app", 100, 1.0, 4, 0.25, false),
            new TierLoad("db", 100, 0.4, 1, 0.4, false), new TierLoad("ws", 30, 0.003, 2, 0.0015, false));

    @Test
    void mergesLatenciesOverReplicationsWithStudentTIntervalOfP99s() {
        JsonNode api = build(Fixtures.model(false, Optional.empty(), List.of())).get("classes").get("api");
        JsonNode latency = api.get("latency_ms");

        assertEquals(200, latency.get("count").asLong());
        assertEquals(0.53025, latency.get("mean").asDouble(), 1e-4);
        assertEquals(0.528, latency.get("p50").asDouble(), 1e-9);
        assertEquals(0.946, latency.get("p90").asDouble(), 1e-9);
        assertEquals(1.0, latency.get("p95").asDouble(), 1e-9);
        assertEquals(1.078, latency.get("p99").asDouble(), 1e-9);
        assertEquals(1.1, latency.get("p999").asDouble(), 1e-9);
        assertEquals(1.1, latency.get("max").asDouble(), 1e-9);
        assertEquals(0.4105, latency.get("p99_ci95").get(0).asDouble(), 1e-9);
        assertEquals(1.6685, latency.get("p99_ci95").get(1).asDouble(), 1e-9);
        assertEquals(7.5, api.get("throughput_per_s").asDouble(), 1e-9);
        assertEquals(0.047619, api.get("error_ratio").asDouble(), 1e-9);
        assertEquals(200, api.get("completed").asLong());
    }

    /* app: mean util (0.5 + 0.7) / 2 = 0.6, nodes min 2, mean (2 + 2.5) / 2 = 2.25, max 3; db saturated in rep 1. */
    @Test
    void tiersAverageUtilisationAndNodesAndReportSaturation() {
        ObjectNode summary = build(Fixtures.model(false, Optional.empty(), List.of()));
        JsonNode app = summary.get("tiers").get("app");
        JsonNode db = summary.get("tiers").get("db");

        assertEquals(0.6, app.get("utilization").asDouble(), 1e-9);
        assertEquals(2, app.get("nodes").get("min").asDouble(), 1e-9);
        assertEquals(2.25, app.get("nodes").get("mean").asDouble(), 1e-9);
        assertEquals(3, app.get("nodes").get("max").asDouble(), 1e-9);
        assertEquals(0.25, app.get("offered_utilization").asDouble(), 1e-9);
        assertFalse(app.get("saturated").asBoolean());
        assertEquals(0.495, app.get("latency_ms").get("p99").asDouble(), 1e-9); // 198th of 5,5,10,10,...,500,500 us
        assertTrue(db.get("saturated").asBoolean());
        assertEquals("tier db saturated in 1 of 2 replications (offered utilisation 0.40)",
                summary.get("notes").get(0).asText());
    }

    @Test
    void costProjectsMeanNodesOverA730HourMonthInUsdAndLocalCurrency() {
        ObjectNode withCurrency = build(Fixtures.model(false, Optional.of(new CurrencySpec("TZS", 2600)), List.of()));
        ObjectNode withoutCurrency = build(Fixtures.model(false, Optional.empty(), List.of()));

        assertEquals(433.33, withCurrency.get("cost").get("monthly_usd").asDouble(), 1e-9);
        assertEquals(1_126_652.80, withCurrency.get("cost").get("monthly_local").asDouble(), 1e-6);
        JsonNode app = withCurrency.get("cost").get("by_tier").get("app");
        assertEquals(2.25, app.get("nodes_mean").asDouble(), 1e-9);
        assertEquals(0.0416, app.get("hourly_usd").asDouble(), 0);
        assertEquals(68.33, app.get("monthly_usd").asDouble(), 1e-9);
        assertEquals("measured", withCurrency.get("cost").get("projection").get("basis").asText());
        assertFalse(withoutCurrency.get("cost").has("monthly_local"));
    }

    /*
     * Replications with billing usage: app billed for 3 t3.medium nodes (more than the 2.25 in
     * service: booting nodes count); its unlimited credits spent 216 and earned 72 over the run's
     * duration_s of 10 s: 77,760 and 25,920 an hour, 51,840 surplus credits an hour
     * x 730 h / 60 x $0.05 = $31,536.00.
     *   app nodes 3 x 0.0416 x 730 = 91.104; db 1 x 0.5 x 730 = 365; line cdn 120;
     *   total 91.104 + 31,536 + 365 + 120 = 32,112.104; 32,112.10 x 2600 = TZS 83,491,470.40.
     * Budget max TZS 1,000,000 = $384.62: over. Plan TZS 1,170,000 = $450.
     */
    @Test
    void costBlockShowsTiersCreditsLinesPlanAndBudget() {
        ModelSpec base = Fixtures.model(false, Optional.of(new CurrencySpec("TZS", 2600)), List.of());
        ModelSpec spec = new ModelSpec(base.name(), base.title(), base.currency(), base.run(), base.workload(),
                base.tiers(), base.network(), base.slo(), base.source(), new CostSpec(OptionalLong.of(1000),
                Optional.of(new CostSpec.Money(1_170_000, true)), Optional.empty(),
                Optional.of(new CostSpec.Money(1_000_000, true)), List.of(CostLineSpec.fixed("cdn", 120))),
                base.uptime(), base.zoneFailures());
        CreditUsage credits = new CreditUsage(CreditsSpec.Mode.UNLIMITED, 216, 72, 5, 0, OptionalDouble.of(4));
        List<ReplicationResult> results = new ArrayList<>();
        for (ReplicationResult r : replications(spec)) {
            results.add(new ReplicationResult(r.replication(), r.measuredS(), r.classes(), r.tiers(), r.websocket(),
                    r.windows(), r.events(), r.windowS(), Map.of("app", new TierUsage(3,
                    Optional.of(credits)), "db", new TierUsage(1, Optional.empty()))));
        }
        ObjectNode summary = new SummaryBuilder(spec, OFFERED, CATALOG).build(results, 1.0);
        JsonNode cost = summary.get("cost");

        JsonNode app = cost.get("by_tier").get("app");
        assertEquals(3, app.get("nodes_mean").asDouble(), 0);
        assertEquals(31_536.00, app.get("credits_surplus_usd").asDouble(), 1e-9);
        assertEquals(31_627.10, app.get("monthly_usd").asDouble(), 1e-9);
        assertEquals(120, cost.get("lines").get("cdn").asDouble(), 0);
        assertEquals(32_112.10, cost.get("monthly_usd").asDouble(), 1e-9);
        assertEquals(83_491_470.40, cost.get("monthly_local").asDouble(), 1e-6);
        assertEquals(1000, cost.get("users").asLong());
        assertEquals(32.112104, cost.get("per_user_usd").asDouble(), 1e-9);
        assertEquals(450, cost.get("plan_monthly_usd").asDouble(), 1e-9);
        assertEquals(1_170_000, cost.get("plan_monthly_local").asDouble(), 1e-6);
        assertEquals(384.62, cost.get("budget").get("max_monthly_usd").asDouble(), 1e-9);
        assertEquals("over", cost.get("budget").get("verdict").asText());
        JsonNode tierCredits = summary.get("tiers").get("app").get("credits");
        assertEquals("unlimited", tierCredits.get("mode").asText());
        assertEquals(77_760, tierCredits.get("spent_credits_per_h").asDouble(), 1e-9);
        assertEquals(4, tierCredits.get("empty_at_s").asDouble(), 0);
        assertFalse(summary.get("tiers").get("db").has("credits"));
        assertTrue(summary.get("notes").toString().contains("tier app runs above its CPU-credit baseline"));
    }

    @Test
    void engineCountsEventsOverWallTime() {
        JsonNode engine = build(Fixtures.model(false, Optional.empty(), List.of())).get("engine");

        assertEquals(4000, engine.get("events").asLong());
        assertEquals(2.0, engine.get("wall_s").asDouble(), 1e-9);
        assertEquals(2000, engine.get("events_per_s").asLong());
    }

    /* One replication has no spread: every interval is null, never a zero-width one, and verdicts are the point's. */
    @Test
    void oneReplicationGivesNoIntervals() {
        ModelSpec spec = Fixtures.model(true, Optional.empty(), List.of(max("classes.api.latency_ms.p99", 200)));
        JsonNode summary = new SummaryBuilder(spec, OFFERED, CATALOG).build(replications(spec).subList(0, 1), 1.0);

        assertTrue(summary.get("classes").get("api").get("latency_ms").get("p99_ci95").isNull());
        assertTrue(summary.get("tiers").get("app").get("latency_ms").get("p99_ci95").isNull());
        assertTrue(summary.get("uptime").get("ci95").isNull());
        assertTrue(summary.get("slo").get(0).get("ci95").isNull());
        assertEquals(summary.get("slo").get(0).get("pass").asBoolean() ? "PASS" : "FAIL",
                summary.get("slo").get(0).get("verdict").asText());
    }

    @Test
    void keysAndShapeFollowTheContract() {
        ModelSpec spec = Fixtures.model(true, Optional.of(new CurrencySpec("TZS", 2600)),
                List.of(max("classes.api.latency_ms.p99", 200)));
        ObjectNode summary = build(spec);

        assertEquals(List.of("model", "run", "classes", "tiers", "websocket", "slo", "uptime", "cost", "engine",
                "notes"), names(summary));
        assertEquals("shop", summary.get("model").asText());
        assertEquals(List.of("duration_s", "warmup_s", "replications", "seed"), names(summary.get("run")));
        assertEquals(2, summary.get("run").get("replications").asInt());
        assertEquals(7, summary.get("run").get("seed").asLong());
        List<String> block = List.of("count", "mean", "p50", "p90", "p95", "p99", "p999", "max", "p99_ci95");
        JsonNode api = summary.get("classes").get("api");
        assertEquals(block, names(api.get("latency_ms")));
        assertEquals(2, api.get("latency_ms").get("p99_ci95").size());
        assertTrue(names(api).containsAll(List.of("latency_ms", "throughput_per_s", "error_ratio", "completed")));
        for (String tier : List.of("app", "db", "ws")) {
            JsonNode t = summary.get("tiers").get(tier);
            assertEquals(block, names(t.get("latency_ms")));
            assertTrue(names(t).containsAll(List.of("latency_ms", "utilization", "nodes", "saturated",
                    "offered_utilization")));
            assertEquals(List.of("min", "mean", "max"), names(t.get("nodes")));
        }
        assertEquals(block, names(summary.get("websocket").get("delivery_ms")));
        assertWebSocketMessages(summary.get("websocket"), spec.run().replications());
        assertEquals(List.of("metric", "target", "op", "value", "pass", "verdict", "ci95", "per_replication"),
                names(summary.get("slo").get(0)));
        assertTrue(summary.get("uptime").get("ratio").isNumber());
        assertTrue(names(summary.get("cost")).containsAll(List.of("monthly_usd", "monthly_local")));
        assertEquals(List.of("events", "wall_s", "events_per_s", "fidelity_mode", "fidelity"),
                names(summary.get("engine")));
        assertTrue(summary.get("engine").get("fidelity").isObject());
        assertTrue(summary.get("notes").isArray());
    }

    /* Each replication published 10 messages: 7 delivered, 2 dropped (5 copies lost), 1 unfinished. */
    private static void assertWebSocketMessages(JsonNode ws, int replications) {
        assertEquals(10 * replications, ws.get("messages").asLong());
        assertEquals(10 * replications, ws.get("arrived").asLong());
        assertEquals(7 * replications, ws.get("delivered").asLong());
        assertEquals(2 * replications, ws.get("dropped").asLong());
        assertEquals(replications, ws.get("unfinished").asLong());
        assertEquals(5 * replications, ws.get("failed_deliveries").asLong());
    }

    @Test
    void withoutWebSocketLoadThereIsNoWebSocketBlock() {
        assertFalse(build(Fixtures.model(false, Optional.empty(), List.of())).has("websocket"));
    }

    /*
     * p99 1.078 <= 1.078 passes (bounds are inclusive); uptime 1 >= 0.999 passes; app utilisation
     * 0.6 <= 0.5 fails; throughput 7.5 >= 8 fails.
     */
    @Test
    void sloEntriesCarryTargetOperatorValueAndVerdict() {
        List<SloSpec> slo = List.of(max("classes.api.latency_ms.p99", 1.078), min("uptime.ratio", 0.999),
                max("tiers.app.utilization", 0.5), min("classes.api.throughput_per_s", 8));
        JsonNode verdicts = build(Fixtures.model(false, Optional.empty(), slo)).get("slo");

        assertVerdict(verdicts.get(0), "classes.api.latency_ms.p99", 1.078, "<=", 1.078, true);
        assertVerdict(verdicts.get(1), "uptime.ratio", 0.999, ">=", 1, true);
        assertVerdict(verdicts.get(2), "tiers.app.utilization", 0.5, "<=", 0.6, false);
        assertVerdict(verdicts.get(3), "classes.api.throughput_per_s", 8, ">=", 7.5, false);
    }

    /*
     * Each SLO's metric on each replication alone: utilisation 0.5 and 0.7, throughput 100 / 10 s
     * and 100 / 20 s, p99 of 10..1000 us and of 11..1100 us (0.99 and 1.089 ms, to the
     * histogram's 3 significant digits). Uptime has none: one replication does not estimate it.
     */
    @Test
    void sloEntriesCarryTheirMetricPerReplication() {
        List<SloSpec> slo = List.of(max("classes.api.latency_ms.p99", 2), min("uptime.ratio", 0.999),
                max("tiers.app.utilization", 0.9), min("classes.api.throughput_per_s", 1));
        JsonNode verdicts = build(Fixtures.model(false, Optional.empty(), slo)).get("slo");

        assertEquals(0.99, verdicts.get(0).get("per_replication").get(0).asDouble(), 0.001);
        assertEquals(1.089, verdicts.get(0).get("per_replication").get(1).asDouble(), 0.001);
        assertFalse(verdicts.get(1).has("per_replication"));
        assertEquals("[0.5,0.7]", verdicts.get(2).get("per_replication").toString());
        assertEquals("[10.0,5.0]", verdicts.get(3).get("per_replication").toString());
    }

    @Test
    void sameInputGivesSameSummaryExceptWallTime() {
        ModelSpec spec = Fixtures.model(true, Optional.empty(), List.of(max("classes.api.latency_ms.p99", 2)));
        ObjectNode first = new SummaryBuilder(spec, OFFERED, CATALOG).build(replications(spec), 1.0);
        ObjectNode second = new SummaryBuilder(spec, OFFERED, CATALOG).build(replications(spec), 3.0);
        first.remove("engine");
        second.remove("engine");

        assertEquals(first, second);
    }

    private static void assertVerdict(JsonNode v, String metric, double target, String op, double value,
                                      boolean pass) {
        assertEquals(metric, v.get("metric").asText());
        assertEquals(target, v.get("target").asDouble(), 1e-12);
        assertEquals(op, v.get("op").asText());
        assertEquals(value, v.get("value").asDouble(), 1e-12);
        assertEquals(pass, v.get("pass").asBoolean(), metric);
    }

    private static ObjectNode build(ModelSpec spec) {
        return new SummaryBuilder(spec, OFFERED, CATALOG).build(replications(spec), 2.0);
    }

    /** The two replications of the class comment (with WebSocket results when the model has the load). */
    static List<ReplicationResult> replications(ModelSpec spec) {
        boolean ws = spec.workload().websocket().isPresent();
        return List.of(
                replication(0, 10, new ClassResult(steps(10, 100), 110, 100, 6, 4, 0),
                        new TierResult(steps(5, 100), 0.5, 2, 2, 2, 0.25, false, 0, 0),
                        new TierResult(steps(2, 100), 0.3, 1, 1, 1, 0.4, false, 0, 0), ws, 1000),
                replication(1, 20, new ClassResult(steps(11, 100), 100, 100, 0, 0, 0),
                        new TierResult(steps(5, 100), 0.7, 2, 2.5, 3, 0.25, false, 0, 0),
                        new TierResult(steps(2, 100), 0.5, 1, 1, 1, 0.4, true, 0, 0), ws, 3000));
    }

    private static ReplicationResult replication(int r, double measuredS, ClassResult api, TierResult app,
                                                 TierResult db, boolean ws, long events) {
        Map<String, TierResult> tiers = new LinkedHashMap<>();
        tiers.put("app", app);
        tiers.put("db", db);
        if (ws) {
            tiers.put("ws", new TierResult(steps(1, 10), 0.01, 1, 1, 1, 0.0015, false, 0, 0));
        }
        WindowRow window = new WindowRow(0, Map.of("api", new WindowClass(100, 0, 0.5, 1.0)),
                Map.of("app", 0.4, "db", 0.2), Map.of("app", 0.5, "db", 0.3), Map.of("app", 2.0, "db", 1.0), 0);
        Optional<WebSocketResult> wsResult = ws ? Optional.of(new WebSocketResult(steps(100, 30), 0, 10, 7, 2, 1, 5))
                : Optional.empty();
        return new ReplicationResult(r, measuredS, Map.of("api", api), tiers, wsResult, List.of(window), events,
                10);
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
