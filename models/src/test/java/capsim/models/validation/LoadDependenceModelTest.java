package capsim.models.validation;

import capsim.engine.validation.Replications;
import capsim.models.system.ReplicationResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A tier's {@code load_dependence}, from the model file to the station: a demand that is
 * idle_factor times its {@code service_ms} on an idle node and falls linearly to it on a fully
 * busy one. With a horizon long against the queue's own time scale the utilisation it follows
 * holds still, at the fixed point U = lambda S0 (F - (F - 1) U), so
 * U = lambda S0 F / (1 + lambda S0 (F - 1)), each visit takes S = S0 (F - (F - 1) U) = U / lambda,
 * and the node is an M/M/1 (or M/G/1-PS) queue at utilisation U: mean response S / (1 - U).
 */
class LoadDependenceModelTest {
    private static final double RATE_PER_S = 500;
    private static final double DEMAND_MS = 1;
    private static final double IDLE_FACTOR = 1.5;

    /*
     * lambda S0 = 0.5: U = 0.75 / 1.25 = 0.6, S = 1.2 ms, mean response 1.2 / 0.4 = 3.0 ms;
     * without the dependence 2.0 ms, with the idle factor throughout (S = 1.5 ms, U = 0.75) 6.0 ms.
     * The horizon, 10 s, holds about 4,000 visits: the utilisation it reads moves by a few
     * hundredths (SD about 0.04 for M/M/1 at 0.6), and the mean response, convex in it, by a
     * second-order 0.1%.
     */
    private static final double U = RATE_PER_S * DEMAND_MS / 1000 * IDLE_FACTOR
            / (1 + RATE_PER_S * DEMAND_MS / 1000 * (IDLE_FACTOR - 1));

    @Test
    void aFcfsNodeSettlesAtTheFixedPointOfItsUtilisation() {
        check("fcfs", "exponential");
    }

    /** Processor sharing is insensitive to the demand's distribution beyond its mean: deterministic demands give the same mean. */
    @Test
    void aProcessorSharingNodeSettlesThereToo() {
        check("ps", "deterministic");
    }

    private static void check(String discipline, String dist) {
        List<ReplicationResult> results = ModelRuns.runAll(ModelRuns.parse("""
                name: load-dependence
                run: {duration_s: 300, warmup_s: 60, replications: 8, seed: 11}
                workload:
                  classes:
                    - name: api
                      rate_per_s: %s
                      steps:
                        - {tier: app, service_ms: {dist: %s, mean: %s}}
                tiers:
                  - name: app
                    node: m5.large
                    count: 1
                    workers: 1
                    discipline: %s
                    load_dependence: {idle_factor: %s, horizon_s: 10}
                network: {hop_ms: 0}
                """.formatted(RATE_PER_S, dist, DEMAND_MS, discipline, IDLE_FACTOR)));
        double serviceMs = U / RATE_PER_S * 1000;
        Replications mean = new Replications(results.size(), ModelRuns.Z);
        Replications utilisation = new Replications(results.size(), ModelRuns.Z);
        for (ReplicationResult r : results) {
            mean.add(r.classes().get("api").latency().meanMs());
            utilisation.add(r.tiers().get("app").utilization());
        }
        // 8 x 150,000 visits: the utilisation's SE came out at 0.06% of it and the mean response's
        // at 0.2-0.3%; 5 SE is far inside the 17% and 33% by which no dependence (0.5, 2.0 ms) or
        // the idle factor throughout (0.75, 6.0 ms) would miss
        utilisation.assertMatches(discipline + " utilisation at the fixed point", U, 0, 0.005);
        mean.assertMatches(discipline + " mean response ms, M/M/1 at the fixed point", serviceMs / (1 - U), 0, 0.01);
    }
}
