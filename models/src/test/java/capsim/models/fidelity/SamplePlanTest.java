package capsim.models.fidelity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import capsim.models.catalog.Catalog;
import capsim.models.system.OfferedLoad;
import capsim.models.load.ModelException;
import capsim.models.load.ModelLoader;
import capsim.models.spec.ModelSpec;
import capsim.models.spec.RunSpec.Fidelity;
import org.junit.jupiter.api.Test;

/** Which tiers a run samples, with what stride, and how much of each class it simulates. */
class SamplePlanTest {
    private static final String MODEL = """
            name: plan
            run: {fidelity: %s}
            workload:
              classes:
                - name: api
                  rate_per_s: 100
                  steps:
                    - {tier: app, service_ms: {dist: exponential, mean: 10}}
                    - {tier: rr, service_ms: {dist: exponential, mean: 500}}
                - name: side
                  rate_per_s: 10
                  steps:
                    - {tier: db, service_ms: {dist: exponential, mean: 1}}
              websocket:
                tier: ws
                connections: 1000
                messages_per_s: 10
                fanout: {dist: geometric, mean: 3}
                send_ms: {dist: deterministic, mean: 0.05}
            tiers:
              - {name: app, node: custom, vcpu: 1, memory_gb: 1, hourly_usd: 0.01, count: 48, balancer: random}
              - {name: rr, node: custom, vcpu: 1, memory_gb: 1, hourly_usd: 0.01, count: 64, balancer: round_robin}
              - {name: ws, node: custom, vcpu: 1, memory_gb: 1, hourly_usd: 0.01, count: 60, balancer: random}
              - {name: burst, node: t3.medium, count: 60, balancer: random}
              - {name: db, node: custom, vcpu: 1, memory_gb: 1, hourly_usd: 0.01, count: 4, balancer: random}
            """;

    private static SamplePlan plan(String fidelity) throws ModelException {
        ModelSpec m = new ModelLoader(Catalog.builtIn()).parse(MODEL.formatted(fidelity), "plan.yaml");
        return SamplePlan.of(m, Catalog.builtIn());
    }

    /*
     * sampled: app 48 / 3 = stride 16; rr 64 / 16 = stride 4; ws and burst never; db 4 / 3 = 1.
     * api crosses strides 16 and 4: f = 0.5 / 16 = 0.03125; side crosses none: 1.
     */
    @Test
    void sampledSamplesEveryTierThatCanBe() throws ModelException {
        SamplePlan p = plan("sampled");
        assertEquals(16, p.stride("app"));
        assertEquals(4, p.stride("rr"));
        assertEquals(1, p.stride("ws"));
        assertEquals(1, p.stride("burst"));
        assertEquals(1, p.stride("db"));
        assertEquals(0.03125, p.thinning("api"), 0);
        assertEquals(1, p.thinning("side"), 0);
        assertTrue(p.sampled());
    }

    /*
     * auto: round robin stays whole where its nodes queue (rr: 100 req/s x 0.5 s over 64
     * single-worker nodes, 78% busy), so api's widest stride is app's 16.
     */
    @Test
    void autoLeavesRoundRobinWholeWhereItsNodesQueue() throws ModelException {
        SamplePlan p = plan("auto");
        assertEquals(16, p.stride("app"));
        assertEquals(1, p.stride("rr"));
        assertEquals(0.03125, p.thinning("api"), 0);
    }

    /*
     * Erlang C by hand: one server waits with probability rho; two at rho 0.5: 2 rho^2 / (1 + rho) = 1/3.
     * The bias bound of a round-robin sample: C(c, a) (1 - 1/N) / (2 c (1 - rho)); 15 nodes of 8
     * workers at 50%: by the Erlang B recursion B(8, 4) = 0.030420, so C = 8 B / (8 - 4 (1 - B))
     * = 0.059044, and the bound 0.059044 x (14/15) / 8 = 0.0068885.
     */
    @Test
    void roundRobinBiasFollowsErlangC() {
        assertEquals(0.3, SamplePlan.erlangC(1, 0.3), 1e-12);
        assertEquals(1.0 / 3, SamplePlan.erlangC(2, 0.5), 1e-12);
        assertEquals(0.059044, SamplePlan.erlangC(8, 0.5), 1e-6);
        assertEquals(0.0068885, SamplePlan.roundRobinBias(15, 8, 0.5), 1e-7);
        assertEquals(Double.POSITIVE_INFINITY, SamplePlan.roundRobinBias(15, 8, 1.0), 0);
    }

    /*
     * A round-robin tier whose nodes hardly queue is sampled by auto like a random one: rr at
     * 100 req/s x 10 ms over 64 single-worker nodes is 1.6% busy, bias bound
     * 0.0156 x (63/64) / (2 x 0.984) = 0.8% (below 1%). Its stride is the larger of 64 / 3 = 21
     * and the stride of api's other tier, app (16): 21, which then thins api to 0.5 / 21.
     */
    @Test
    void autoSamplesARoundRobinTierWhoseNodesHardlyQueue() throws ModelException {
        ModelSpec m = new ModelLoader(Catalog.builtIn()).parse(
                MODEL.formatted("auto").replace("mean: 500", "mean: 10"), "plan.yaml");
        SamplePlan p = SamplePlan.of(m, Catalog.builtIn());
        assertEquals(21, p.stride("rr"));
        assertEquals(0.5 / 21, p.thinning("api"), 1e-15);
    }

    /*
     * A visit's wait behind a random balancer, in service times (Allen-Cunneen):
     * C(c, a) / (c (1 - rho)) x (1 + cv^2) / 2. One server at 60%, exponential: 0.6 / 0.4 = 1.5;
     * two at 50%, deterministic: (1/3) / (2 x 0.5) x 1/2 = 1/6. The service mixture of two steps at
     * one visit a second each, exponential 10 ms and deterministic 10 ms: E[X] = 10,
     * E[X^2] = (200 + 100) / 2 = 150, cv^2 = 150 / 100 - 1 = 0.5.
     */
    @Test
    void randomWaitFollowsAllenCunneen() throws ModelException {
        assertEquals(1.5, SamplePlan.randomWait(1, 0.6, 1), 1e-12);
        assertEquals(1.0 / 6, SamplePlan.randomWait(2, 0.5, 0), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, SamplePlan.randomWait(2, 1.0, 1), 0);
        ModelSpec m = new ModelLoader(Catalog.builtIn()).parse("""
                name: mix
                workload:
                  classes:
                    - name: a
                      rate_per_s: 1
                      steps: [{tier: app, service_ms: {dist: exponential, mean: 10}}]
                    - name: b
                      rate_per_s: 1
                      steps: [{tier: app, service_ms: {dist: deterministic, mean: 10}}]
                tiers:
                  - {name: app, node: custom, vcpu: 1, memory_gb: 1, hourly_usd: 0.01, count: 4, balancer: random}
                """, "mix.yaml");
        assertEquals(0.5, OfferedLoad.serviceCv2(m, Catalog.builtIn()).get("app"), 1e-12);
    }

    /** 48 nodes of 16 workers behind {@code balancer}, exponential 10 ms, at {@code rate} a second. */
    private static SamplePlan busy(String balancer, int rate) throws ModelException {
        return busy(balancer, rate, 48, "auto");
    }

    /** {@code count} nodes of 16 workers behind {@code balancer}, exponential 10 ms, at {@code rate} a second. */
    private static SamplePlan busy(String balancer, int rate, int count, String fidelity) throws ModelException {
        ModelSpec m = new ModelLoader(Catalog.builtIn()).parse("""
                name: busy
                run: {fidelity: %s}
                workload:
                  classes:
                    - name: api
                      rate_per_s: %d
                      steps: [{tier: app, service_ms: {dist: exponential, mean: 10}}]
                tiers:
                  - {name: app, node: custom, vcpu: 16, memory_gb: 64, hourly_usd: 0.8, count: %d, workers: 16,
                     balancer: %s}
                """.formatted(fidelity, rate, count, balancer), "busy.yaml");
        return SamplePlan.of(m, Catalog.builtIn());
    }

    /*
     * auto keeps a least-connections tier whole where a random balancer's wait exceeds 1% of a
     * service time: 48 nodes of 16 workers at 96% (73,728 a second x 10 ms): C(16, 15.36) = 0.8217,
     * a wait of 0.8217 / (16 x 0.04) = 1.28 service times; at 50% (38,400 a second): C = 0.0090,
     * 0.0090 / (16 x 0.5) = 0.11%, sampled 4 nodes at a time (stride 12). Power of two is sampled
     * at either load, in its mean-field limit only where nodes would queue (at 96%).
     */
    @Test
    void autoKeepsLeastConnectionsWholeWhereNodesWouldQueue() throws ModelException {
        assertEquals(1, busy("least_connections", 73_728).stride("app"));
        assertEquals(12, busy("least_connections", 38_400).stride("app"));
        assertFalse(busy("least_connections", 38_400).meanField("app"));
        assertEquals(12, busy("power_of_two", 73_728).stride("app"));
        assertTrue(busy("power_of_two", 73_728).meanField("app"));
        assertEquals(12, busy("power_of_two", 38_400).stride("app"));
        assertFalse(busy("power_of_two", 38_400).meanField("app"));
    }

    /*
     * A mean-field sample of nodes of 16 workers simulates 4 of them. auto follows the limit only
     * from a stride of 6: 24 nodes at 96% (36,864 a second x 10 ms over 384 workers) give a
     * stride of 6, sampled in the limit; 20 nodes at 96% (30,720 a second) a stride of 5, kept
     * whole, though sampled asks for it anyway. At 50% (16,000 a second over 320 workers) the nodes
     * hardly queue, two choices run among the sample, and the stride-of-3 rule alone applies.
     */
    @Test
    void autoFollowsTheMeanFieldLimitOnlyFromAStrideOfSix() throws ModelException {
        assertEquals(6, busy("power_of_two", 36_864, 24, "auto").stride("app"));
        assertTrue(busy("power_of_two", 36_864, 24, "auto").meanField("app"));
        assertEquals(1, busy("power_of_two", 30_720, 20, "auto").stride("app"));
        assertFalse(busy("power_of_two", 30_720, 20, "auto").meanField("app"));
        assertEquals(5, busy("power_of_two", 30_720, 20, "sampled").stride("app"));
        assertTrue(busy("power_of_two", 30_720, 20, "sampled").meanField("app"));
        assertEquals(5, busy("power_of_two", 16_000, 20, "auto").stride("app"));
        assertFalse(busy("power_of_two", 16_000, 20, "auto").meanField("app"));
    }

    @Test
    void fullSamplesNothing() throws ModelException {
        SamplePlan p = plan("full");
        assertFalse(p.sampled());
        assertEquals(1, p.thinning("api"), 0);
    }

    /*
     * Background of api on rr: 100 req/s x 1 visit, thinned to 0.03125, so (q - f) of it, with q
     * the simulated share of rr's nodes; on app as well; nothing for side (not thinned).
     */
    @Test
    void backgroundStandsForTheThinnedClassesVisits() throws ModelException {
        SamplePlan p = plan("sampled");
        ModelSpec m = new ModelLoader(Catalog.builtIn()).parse(MODEL.formatted("sampled"), "plan.yaml");
        var kinds = p.backgroundKinds(m);
        assertEquals(1, kinds.get("rr").size());
        assertEquals(100, kinds.get("rr").get(0).baseRatePerS() * kinds.get("rr").get(0).perRequest(), 0);
        assertEquals(0.03125, kinds.get("app").get(0).thinning(), 0);
        assertFalse(kinds.containsKey("db"));
    }

    private static final String ROUTE = """
            name: route
            run: {fidelity: sampled}
            workload:
              classes:
                - name: api
                  rate_per_s: 100
                  steps:
                    - {tier: app, service_ms: {dist: exponential, mean: 10}}
                    - {tier: cache, service_ms: {dist: exponential, mean: 0.1}}
                - name: side
                  rate_per_s: 10
                  steps:
                    - {tier: db, service_ms: {dist: exponential, mean: 1}}
            tiers:
              - {name: app, node: custom, vcpu: 8, memory_gb: 8, hourly_usd: 0.1, count: 48, workers: 8,
                 balancer: power_of_two%s}
              - {name: cache, node: custom, vcpu: 1, memory_gb: 1, hourly_usd: 0.01, count: 6, balancer: random}
              - {name: db, node: custom, vcpu: 1, memory_gb: 1, hourly_usd: 0.01, count: 9, balancer: random}
            %s""";

    private static SamplePlan route(String appExtra, String tail) throws ModelException {
        ModelSpec m = new ModelLoader(Catalog.builtIn()).parse(ROUTE.formatted(appExtra, tail), "route.yaml");
        return SamplePlan.of(m, Catalog.builtIn());
    }

    /*
     * app: 8 workers, a sample of 64 / 8 = 8 nodes, stride 48 / 8 = 6. Every class visiting the
     * cache (api) is already thinned by app's stride 6, so the cache, 6 / 3 = 2 on its own, takes
     * stride 6 (one shard simulated); api keeps f = 0.5 / 6. db is visited by side alone, which
     * crosses no other sampled tier: 9 / 3 = stride 3.
     */
    @Test
    void aRandomTierIsSampledAsThinlyAsTheRoutesVisitingItAlreadyAre() throws ModelException {
        SamplePlan p = route("", "");
        assertEquals(6, p.stride("app"));
        assertEquals(6, p.stride("cache"));
        assertEquals(3, p.stride("db"));
        assertEquals(0.5 / 6, p.thinning("api"), 1e-15);
        assertEquals(0.5 / 3, p.thinning("side"), 1e-15);
    }

    /*
     * The sample is drawn per zone only when zones matter: zone failures, or a dearer cross-zone
     * hop (by default 1 ms, dearer than a hop).
     */
    @Test
    void theSampleIsDrawnPerZoneOnlyWhenZonesMatter() throws ModelException {
        assertTrue(route(", zones: [a, b, c]", "").zonal());
        assertFalse(route(", zones: [a, b, c]", "network: {hop_ms: 0.5, cross_zone_ms: 0.5}").zonal());
        assertTrue(route(", zones: [a, b, c]", "network: {hop_ms: 0.5, cross_zone_ms: 1}").zonal());
        assertTrue(route(", zones: [a, b, c]", "failures: {zone: {mtbf_h: 2000, mttr_s: 60}}").zonal());
    }

    @Test
    void anUnknownFidelityIsAnError() {
        ModelException e = assertThrows(ModelException.class,
                () -> new ModelLoader(Catalog.builtIn()).parse(MODEL.formatted("half"), "plan.yaml"));
        assertTrue(e.getMessage().contains("run.fidelity"), e.getMessage());
    }

    @Test
    void precisionAndMaximumAreRead() throws ModelException {
        ModelSpec m = new ModelLoader(Catalog.builtIn()).parse(
                MODEL.formatted("auto, precision: {relative: 0.02}, max_replications: 9"), "plan.yaml");
        assertEquals(Fidelity.AUTO, m.run().fidelity());
        assertEquals(0.02, m.run().precisionRelative(), 0);
        assertEquals(9, m.run().maxReplications());
    }
}
