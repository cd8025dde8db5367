package capsim.models.credits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import capsim.engine.kernel.Simulation;
import capsim.engine.random.RandomStreams;
import capsim.models.catalog.Catalog;
import capsim.models.catalog.NodeType.BurstCredits;
import capsim.models.period.Periods;
import capsim.models.spec.CreditsSpec;
import capsim.models.spec.OperationsSpec;
import capsim.models.spec.TierSpec;
import capsim.models.tier.Horizon;
import capsim.models.tier.Tier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/*
 * One t3.medium node (2 vCPU, 24 credits/h, baseline 20%; FACTS.md), FCFS, 2 workers, fed
 * deterministically: every 0.1 s two jobs of 0.06 s, i.e. 1.2 busy vCPUs = 60% load. It spends
 * 1.2 x 60 = 72 credits/h and earns 24: net -48/h. From 100 credits it runs out at
 * 100 / 48 h = 7500 s.
 *
 * Booked balance: the batch at t = 0.1 k books 0.12 server-s = 0.002 credits, so right after it
 * B = 100 + 0.1 k / 150 - 0.002 (k + 1), which first falls below 0 at k = 74999 (t = 7499.9 s):
 * booking leads execution by one batch (0.1 s). Checks come every 0.25 s near empty, and the
 * crossing is interpolated linearly inside one, so the time is right within 0.1 + 0.25 s.
 */
class TierCreditsTest {
    private static final double BATCH_S = 0.1;
    private static final double JOB_S = 0.06;

    private final Simulation sim = new Simulation();
    private final List<double[]> latencies = new ArrayList<>();

    private Tier tier(String nodeType, int workers, Horizon horizon) {
        return tier(nodeType, workers, 1.0, horizon);
    }

    /** A tier whose CPU runs at {@code cpuSpeed} x the reference type's. */
    private Tier tier(String nodeType, int workers, double cpuSpeed, Horizon horizon) {
        TierSpec spec = new TierSpec("app", nodeType, 1, OptionalInt.of(workers), TierSpec.Discipline.FCFS,
                TierSpec.Balancer.ROUND_ROBIN, OptionalInt.empty(), OptionalDouble.empty(), OptionalLong.empty(),
                OptionalInt.empty(), OptionalDouble.empty(), OptionalDouble.empty(), OperationsSpec.DEFAULT);
        return new Tier(spec, workers, cpuSpeed, sim, Periods.of(horizon), new RandomStreams(1, 0).stream("balancer"));
    }

    /** Offers {@code perBatch} jobs of {@code jobS} every 0.1 s from 0 until {@code untilS}, recording latencies. */
    private void feed(Tier tier, int perBatch, double jobS, double untilS) {
        long batches = Math.round(untilS / BATCH_S);
        for (long k = 0; k < batches; k++) {
            double t = k * BATCH_S;
            sim.schedule(t, () -> {
                for (int j = 0; j < perBatch; j++) {
                    tier.offer(jobS, (departS, outcome) -> latencies.add(new double[] {t, departS - t}));
                }
            });
        }
    }

    private TierCredits credits(Tier tier, CreditsSpec.Mode mode, double initial, Horizon horizon) {
        TierCredits c = new TierCredits(tier, new BurstCredits(24, 0.20, 576, 0.05), 2, new CreditsSpec(mode, initial), sim,
                horizon);
        c.start();
        return c;
    }

    /** Latency of the first job offered at or after {@code tS}. */
    private double latencyAt(double tS) {
        return latencies.stream().filter(l -> l[0] >= tS - 1e-9).findFirst().orElseThrow()[1];
    }

    /*
     * Standard mode: once empty, the node runs at 20%: a batch then needs 2 x 0.06 / 0.2 = 0.6
     * server-s but two servers give 0.2 per 0.1 s: batch n after throttling starts 0.3 n after
     * the first one and leaves 0.3 s later, a latency of 0.2 n + 0.3 = 2 d + 0.3 for a batch
     * offered d seconds after the first slow one. Throttling starts at the first check at or after
     * 7499.9 s (within 0.25 s), and a batch at the same instant as the check is offered before it,
     * so the first slow batch is at a0 in [7500.0, 7500.2] s and the job at 7600 s has a latency
     * of 2 x (7600 - a0) + 0.3 in [199.9, 200.3] s.
     */
    @Test
    void standardModeRunsOutAtTheHandComputedTimeThenHoldsTheNodeAtBaseline() {
        Horizon horizon = new Horizon(0, 7700, 60);
        Tier tier = tier("t3.medium", 2, horizon);
        TierCredits credits = credits(tier, CreditsSpec.Mode.STANDARD, 100, horizon);
        feed(tier, 2, JOB_S, 7650);

        sim.runUntil(7400);
        assertEquals(1.0, tier.nodes().get(0).station().speed());
        assertEquals(JOB_S, latencyAt(7399), 1e-9); // full speed, no queue
        sim.runUntil(7600);
        double emptyS = credits.usage().firstEmptyS().orElseThrow();
        assertEquals(7500, emptyS, 0.35);
        assertEquals(0.20, tier.nodes().get(0).station().speed());
        assertEquals(0, credits.balance(0), 0);
        assertEquals(200.1, latencyAt(7600), 0.2 + 1e-6);
        sim.runUntil(7700);
        // no new work after 7650 s: the node earns credits back and runs at full speed again
        assertEquals(1.0, tier.nodes().get(0).station().speed());
        assertTrue(credits.balance(0) > 0);
        // held at baseline from ~7500 s to the first check after 7650 s (within 5 s)
        assertEquals(152.5, credits.usage().throttledNodeS(), 2.6);
    }

    /*
     * Unlimited mode over 4 h: spent 4 x 72 = 288 credits, earned 4 x 24 = 96, balance
     * 100 + 96 - 288 = -92: 92 surplus credits = 92 / 60 vCPU-h x $0.05 = $0.076667. Speed stays 1.
     */
    @Test
    void unlimitedModeKeepsFullSpeedAndOwesTheHandComputedSurplus() {
        Horizon horizon = new Horizon(0, 4 * 3600, 60);
        Tier tier = tier("t3.medium", 2, horizon);
        TierCredits credits = credits(tier, CreditsSpec.Mode.UNLIMITED, 100, horizon);
        feed(tier, 2, JOB_S, 4 * 3600);
        sim.runUntil(4 * 3600 + 10);

        CreditUsage usage = credits.usage();
        assertEquals(1.0, tier.nodes().get(0).station().speed());
        assertEquals(JOB_S, latencyAt(4 * 3600 - 1), 1e-9);
        assertEquals(288, usage.spentCredits(), 1e-6);
        assertEquals(96, usage.earnedCredits(), 1e-6);
        assertEquals(92, usage.surplusCredits(), 1e-6);
        assertEquals(0.076667, Catalog.builtIn().find("t3.medium").orElseThrow().credits().orElseThrow()
                .surplusUsd(usage.surplusCredits()), 1e-6);
        assertEquals(7500, usage.firstEmptyS().orElseThrow(), 0.35);
        assertEquals(0, usage.throttledNodeS());
    }

    /*
     * Measured period 3600..7200 s at 60% from 0 s, unlimited, no initial credits: the balance is
     * -48 at 3600 s and -96 at 7200 s, so 48 surplus credits are new in the measured hour.
     */
    @Test
    void onlyTheMeasuredPeriodCounts() {
        Horizon horizon = new Horizon(3600, 7200, 60);
        Tier tier = tier("t3.medium", 2, horizon);
        TierCredits credits = credits(tier, CreditsSpec.Mode.UNLIMITED, 0, horizon);
        feed(tier, 2, JOB_S, 7300);
        sim.runUntil(7300);

        CreditUsage usage = credits.usage();
        assertEquals(72, usage.spentCredits(), 1e-6);
        assertEquals(24, usage.earnedCredits(), 1e-6);
        assertEquals(48, usage.surplusCredits(), 1e-6);
    }

    /*
     * cache.t3.small (2 vCPU) with workers: 1 (one thread): a busy worker is one vCPU, not two.
     * Fully busy (one 0.1 s job every 0.1 s) for an hour: 60 credits spent.
     */
    @Test
    void oneWorkerOnTwoVcpusSpendsOneVcpu() {
        Horizon horizon = new Horizon(0, 3600, 60);
        Tier tier = tier("cache.t3.small", 1, horizon);
        Map<String, TierCredits> started = TierCredits.start(Map.of("cache", tier), Catalog.builtIn(), sim, horizon);
        feed(tier, 1, BATCH_S, 3600);
        sim.runUntil(3700);

        assertEquals(60, started.get("cache").usage().spentCredits(), 1e-6);
        assertEquals(CreditsSpec.Mode.UNLIMITED, started.get("cache").mode()); // the default without credits:
    }

    /*
     * The same feed on a CPU 1.25 x the reference's, unlimited mode, 4 h: a job of demand 0.06 s
     * takes 0.048 s, so the node is busy 2 x 0.048 / 0.1 = 0.96 vCPUs and spends 0.96 x 60 = 57.6
     * credits/h (credits count CPU time, not demand): 230.4 in 4 h, against 96 earned. Balance
     * 100 + 96 - 230.4 = -34.4: 34.4 surplus credits = 34.4 / 60 x $0.05 = $0.028667. It runs out
     * when 100 + 24 h - 57.6 h = 0, at h = 100 / 33.6 = 2.976 h = 10714.3 s.
     */
    @Test
    void aFasterCpuSpendsCreditsForItsCpuTimeNotForTheDemand() {
        Horizon horizon = new Horizon(0, 4 * 3600, 60);
        Tier tier = tier("t3.medium", 2, 1.25, horizon);
        TierCredits credits = credits(tier, CreditsSpec.Mode.UNLIMITED, 100, horizon);
        feed(tier, 2, JOB_S, 4 * 3600);
        sim.runUntil(4 * 3600 + 10);

        CreditUsage usage = credits.usage();
        assertEquals(1.25, tier.nodes().get(0).station().speed());
        assertEquals(JOB_S / 1.25, latencyAt(4 * 3600 - 1), 1e-9);
        assertEquals(230.4, usage.spentCredits(), 1e-6);
        assertEquals(96, usage.earnedCredits(), 1e-6);
        assertEquals(34.4, usage.surplusCredits(), 1e-6);
        assertEquals(0.028667, new BurstCredits(24, 0.20, 576, 0.05).surplusUsd(usage.surplusCredits()), 1e-6);
        assertEquals(10714.3, usage.firstEmptyS().orElseThrow(), 0.35);
    }

    /*
     * Standard mode on the CPU 1.25 x the reference's: it runs out at 10714.3 s as above (booked:
     * the batch at t = 0.1 k books 0.096 server-s = 0.0016 credits, B = 100 + 0.1 k / 150 -
     * 0.0016 (k + 1) first falls below 0 at k = 107142, t = 10714.2 s; checks every 0.25 s near
     * empty). Then the baseline applies on top of the CPU speed: 1.25 x 0.20 = 0.25, a job takes
     * 0.06 / 0.25 = 0.24 s, each of the two servers gets one every 0.1 s and falls 0.14 s further
     * behind with each: a job offered d seconds after the first slow batch waits 0.24 + 1.4 d.
     * The first slow batch a0 is in [10714.2, 10714.6] s, so the job at 10900 s has a latency of
     * 0.24 + 1.4 (10900 - a0) in [259.66, 260.36] s.
     */
    @Test
    void theBaselineAppliesOnTopOfTheCpuSpeed() {
        Horizon horizon = new Horizon(0, 11000, 60);
        Tier tier = tier("t3.medium", 2, 1.25, horizon);
        TierCredits credits = credits(tier, CreditsSpec.Mode.STANDARD, 100, horizon);
        feed(tier, 2, JOB_S, 10950);

        sim.runUntil(10700);
        assertEquals(1.25, tier.nodes().get(0).station().speed());
        assertEquals(JOB_S / 1.25, latencyAt(10699), 1e-9);
        sim.runUntil(10900);
        assertEquals(10714.3, credits.usage().firstEmptyS().orElseThrow(), 0.35);
        assertEquals(1.25 * 0.20, tier.nodes().get(0).station().speed(), 1e-15);
        assertEquals(0, credits.balance(0), 0);
        assertEquals(260.01, latencyAt(10900), 0.36);
    }

    @Test
    void typesWithoutCreditsHaveNoAccounts() {
        Horizon horizon = new Horizon(0, 60, 60);
        assertEquals(Optional.empty(), Optional.ofNullable(TierCredits.start(
                Map.of("batch", tier("c5.2xlarge", 2, horizon)), Catalog.builtIn(), sim, horizon).get("batch")));
    }
}
