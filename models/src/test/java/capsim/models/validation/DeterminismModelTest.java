package capsim.models.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import capsim.engine.stats.LatencyRecorder;
import capsim.models.spec.ModelSpec;
import capsim.models.system.Accounting;
import capsim.models.system.ModelRunner;
import capsim.models.system.ReplicationResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Same model and seed, same numbers: a replication is a function of (model, seed, replication)
 * alone; another replication draws other numbers. The model uses every random source: Poisson
 * and MMPP arrivals, a closed population, service times, cache hits, random balancers,
 * timeouts and WebSocket fan-out with a pub/sub hop.
 */
class DeterminismModelTest {
    private static final String MODEL = """
            name: everything
            run: {duration_s: 120, warmup_s: 10, replications: 2, seed: 37}
            workload:
              profile: {kind: peak, from: 0, to: "00:01", factor: 1.5}
              classes:
                - name: api
                  rate_per_s: 400
                  steps:
                    - {tier: app, service_ms: {dist: lognormal, mean: 4, cv: 1.5}}
                    - tier: cache
                      service_ms: {dist: exponential, mean: 0.2}
                      hit_ratio: 0.8
                      on_miss: [{tier: db, repeat: 2, service_ms: {dist: gamma, mean: 3, cv: 0.5}}]
                - name: bursty
                  rate_per_s: 50
                  arrival: {kind: mmpp, high_factor: 4, high_share: 0.1, mean_high_s: 2}
                  steps: [{tier: app, service_ms: {dist: exponential, mean: 5}}]
                - name: users
                  users: 200
                  think_s: 2
                  steps: [{tier: db, service_ms: {dist: weibull, mean: 2, cv: 2}}]
              websocket:
                tier: ws
                connections: 5000
                messages_per_s: 100
                fanout: {dist: geometric, mean: 20}
                send_ms: {dist: uniform, min: 0.01, max: 0.05}
                pubsub_tier: cache
                pubsub_ms: {dist: deterministic, mean: 0.05}
            tiers:
              - {name: app, node: t3.medium, count: 3, balancer: power_of_two, discipline: ps, timeout_ms: 200}
              - {name: cache, node: cache.t3.small, count: 1, workers: 1}
              - {name: db, node: db.t3.medium, count: 2, balancer: random, queue_limit: 20}
              - {name: ws, node: t3.large, count: 3, balancer: least_connections}
            """;

    @Test
    void sameSeedSameNumbersOtherReplicationOtherNumbers() {
        ModelSpec model = ModelRuns.parse(MODEL);
        List<Object> first = fingerprint(Accounting.checked(new ModelRunner(model).run(0)));
        List<Object> again = fingerprint(Accounting.checked(new ModelRunner(ModelRuns.parse(MODEL)).run(0)));
        List<Object> other = fingerprint(Accounting.checked(new ModelRunner(model).run(1)));

        assertEquals(first, again);
        assertNotEquals(first, other);
        // not merely one number: every class's latency sum differs between replications
        for (int i = 0; i < 3; i++) {
            assertNotEquals(first.get(i * 8 + 5), other.get(i * 8 + 5), "class " + i + " latency sum");
        }
    }

    /** Every number of a replication result, in a fixed order. */
    private static List<Object> fingerprint(ReplicationResult r) {
        List<Object> f = new ArrayList<>();
        r.classes().forEach((name, c) -> {
            f.addAll(List.of(c.arrived(), c.completed(), c.rejected(), c.timedOut()));
            addLatency(f, c.latency());
        });
        r.tiers().forEach((name, t) -> {
            addLatency(f, t.latency());
            f.addAll(List.of(t.utilization(), t.offeredUtilization(), t.nodesMin(), t.nodesMean(), t.nodesMax(),
                    t.saturated(), t.rejected(), t.timedOut()));
        });
        r.websocket().ifPresent(w -> {
            addLatency(f, w.delivery());
            f.addAll(List.of(w.connectionsRefused(), w.messages()));
        });
        r.windows().forEach(w -> f.add(w.toString()));
        f.addAll(List.of(r.events(), r.measuredS(), r.windowS()));
        return f;
    }

    /** Four numbers per latency: count, exact sum, p99, max. */
    private static void addLatency(List<Object> f, LatencyRecorder l) {
        f.addAll(List.of(l.count(), l.sumMicros(), l.percentileMs(99), l.maxMs()));
    }
}
