package capsim.models.validation;

import capsim.engine.kernel.Simulation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import capsim.engine.random.RandomStreams;
import capsim.engine.validation.Replications;
import capsim.models.period.Periods;
import capsim.models.spec.ModelSpec;
import capsim.models.system.ReplicationResult;
import capsim.models.tier.Horizon;
import capsim.models.tier.Tier;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Balancers on a tier of two single-server nodes with exponential service, against closed
 * forms where they exist: random splits the Poisson stream into two Poisson streams (two
 * M/M/1 queues); round robin gives each node every second arrival, an Erlang-2 stream (two
 * E2/M/1 queues). Joining the shortest queue (least_connections; power_of_two, which with two
 * nodes always samples both) has no simple closed form but is optimal for identical
 * exponential servers (W. Winston, "Optimality of the shortest line discipline", J. Appl.
 * Prob. 14, 1977), so it must beat both.
 */
class BalancerModelTest {
    private static final double LAMBDA = 160;
    private static final double MU = 100;

    /** 160/s over 2 nodes of 1 worker, exponential 10 ms: rho = 0.8 per node. */
    private static ModelSpec model(String balancer) {
        return ModelRuns.parse("""
                name: balance
                run: {duration_s: 1000, warmup_s: 20, replications: 10, seed: 17}
                workload:
                  classes:
                    - name: api
                      rate_per_s: 160
                      steps: [{tier: app, service_ms: {dist: exponential, mean: 10}}]
                tiers:
                  - {name: app, node: t3.large, count: 2, workers: 1, balancer: %s}
                network: {hop_ms: 0}
                """.formatted(balancer));
    }

    /** Mean end-to-end latency (s) of each replication. */
    private static double[] meanLatencyS(String balancer) {
        List<ReplicationResult> results = ModelRuns.runAll(model(balancer));
        return results.stream().mapToDouble(r -> r.classes().get("api").latency().meanMs() / 1000).toArray();
    }

    private static Replications of(double[] values) {
        Replications r = new Replications(values.length, ModelRuns.Z);
        for (double v : values) {
            r.add(v);
        }
        return r;
    }

    private static Replications difference(double[] a, double[] b) {
        Replications r = new Replications(a.length, ModelRuns.Z);
        for (int i = 0; i < a.length; i++) {
            r.add(a[i] - b[i]);
        }
        return r;
    }

    /*
     * random: each node is M/M/1 at 80/s: mean 1 / (100 - 80) = 50 ms.
     * round robin: each node E2/M/1, inter-arrivals Erlang-2 of phase rate 160/s; sigma solves
     * sigma = (160 / (160 + 100 (1 - sigma)))^2: 0.7399, mean 1 / (100 x 0.2601) = 38.44 ms.
     * least_connections and power_of_two: below round robin. The variants share arrival and
     * service streams (common random numbers), so per-replication differences are tight.
     */
    @Test
    void randomIsMm1RoundRobinIsE2m1AndShortestQueueBeatsBoth() {
        double[] random = meanLatencyS("random");
        double[] roundRobin = meanLatencyS("round_robin");
        double[] least = meanLatencyS("least_connections");
        double[] two = meanLatencyS("power_of_two");
        double expectedRoundRobin = ClosedForms.ekm1MeanResponse(2, LAMBDA, MU);
        assertEquals(0.03844, expectedRoundRobin, 1e-5, "the closed form itself (hand check above)");

        // 10 x 160,000 requests: SE about 0.8% of the M/M/1 mean (rho 0.8 relaxes slowly)
        // and of the E2/M/1 mean; 5 SE
        of(random).assertMatches("random: M/M/1 mean response, s", 1 / (MU - LAMBDA / 2), 0, 0.02);
        of(roundRobin).assertMatches("round robin: E2/M/1 mean response, s", expectedRoundRobin, 0, 0.02);

        // shortest queue beats round robin (Winston 1977): the paired differences must be
        // negative by more than 5 of their SE
        for (double[] jsq : List.of(least, two)) {
            Replications gain = difference(roundRobin, jsq);
            assertTrue(gain.mean() > ModelRuns.Z * gain.standardError(),
                    "round robin minus shortest queue: " + gain);
        }
    }

    /* Round robin over 2 nodes: visits alternate, so 1,000 visits split 500 and 500 exactly. */
    @Test
    void roundRobinGivesEachNodeHalfTheVisits() {
        Simulation sim = new Simulation();
        Tier tier = new Tier(model("round_robin").tiers().get(0), 1, sim, Periods.of(new Horizon(0, 1, 1)),
                new RandomStreams(1, 0).stream("balancer"));
        int[] visits = new int[2];
        for (int i = 0; i < 1_000; i++) {
            visits[tier.offer(0.001, (t, o) -> { }).id()]++;
        }
        assertEquals(500, visits[0]);
        assertEquals(500, visits[1]);
    }
}
