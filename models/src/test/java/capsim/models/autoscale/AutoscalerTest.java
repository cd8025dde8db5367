package capsim.models.autoscale;

import static org.junit.jupiter.api.Assertions.assertEquals;

import capsim.engine.dist.Deterministic;
import capsim.engine.kernel.Event;
import capsim.engine.kernel.Simulation;
import capsim.engine.random.RandomStreams;
import capsim.engine.station.Visit;
import capsim.models.period.Periods;
import capsim.models.spec.AutoscaleSpec.Metric;
import capsim.models.spec.AutoscaleSpec.Scheduled;
import capsim.models.spec.AutoscaleSpec.TargetTracking;
import capsim.models.spec.AutoscaleSpec.Window;
import capsim.models.spec.AutoscaleSpec;
import capsim.models.spec.OperationsSpec;
import capsim.models.spec.TierSpec;
import capsim.models.tier.Horizon;
import capsim.models.tier.Node;
import capsim.models.tier.Tier;
import capsim.models.ws.WebSocketLoad;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The autoscaler on a real tier: the lag chain metric period -> datapoints -> boot -> in service. */
class AutoscalerTest {
    private static final Visit IGNORE = (timeS, outcome) -> { };

    private static Tier tier(Simulation sim, int count, AutoscaleSpec autoscale, OptionalLong maxConnections) {
        OperationsSpec ops = new OperationsSpec(90, 300, List.of("a"), Optional.of(autoscale), Optional.empty(),
                Optional.empty(), Optional.empty());
        TierSpec spec = new TierSpec("app", "custom", count, OptionalInt.of(1), TierSpec.Discipline.FCFS,
                TierSpec.Balancer.ROUND_ROBIN, OptionalInt.empty(), OptionalDouble.empty(), maxConnections,
                OptionalInt.of(1), OptionalDouble.of(1), OptionalDouble.of(0.01), ops);
        return new Tier(spec, 1, sim, Periods.of(new Horizon(0, 100_000, 60)), new RandomStreams(1, 0).stream("balancer"));
    }

    /** Offers a 0.1 s job every {@code gapS} (before {@code stepS}) or {@code gapAfterS} (after). */
    private static void load(Simulation sim, Tier tier, double gapS, double stepS, double gapAfterS) {
        sim.schedule(0, new Event() {
            @Override
            public void fire() {
                tier.offer(0.1, IGNORE);
                sim.schedule(sim.now() + (sim.now() < stepS ? gapS : gapAfterS), this);
            }
        });
    }

    @Test
    void targetTrackingWaitsForThreeFullPeriodsAboveTargetThenTheBoot() {
        // 2 nodes, 1 worker each, round robin. A 0.1 s job every 0.25 s until t0 = 640 s, then every
        // 0.0625 s: each node busy 0.1 / 0.5 = 20%, then 0.1 / 0.125 = 80% (no queueing either way).
        // Target 50%, periods of 60 s aligned on t = 0:
        //   [600, 660): (40 s x 20% + 20 s x 80%) / 60 = 40%, not above
        //   [660, 720), [720, 780), [780, 840): 80%, above -> the third datapoint alarms at 840
        //   decision at 840: ceil(2 x 80 / 50) = ceil(3.2) = 4 nodes: launch 2
        //   boot 90 s: in service at 930 s
        Simulation sim = new Simulation();
        AutoscaleSpec spec = new AutoscaleSpec(2, 10, new TargetTracking(Metric.CPU, 50,
                TargetTracking.DEFAULT_PERIOD_S, TargetTracking.DEFAULT_SCALE_OUT_DATAPOINTS,
                TargetTracking.DEFAULT_SCALE_IN_DATAPOINTS, TargetTracking.DEFAULT_WARMUP_S,
                TargetTracking.DEFAULT_SCALE_IN_RATIO));
        Tier tier = tier(sim, 2, spec, OptionalLong.empty());
        load(sim, tier, 0.25, 640, 0.0625);
        Autoscaler autoscaler = Autoscaler.start(sim, tier, 0, 0);

        sim.runUntil(839.99);
        assertEquals(2, tier.nodes().size());
        sim.runUntil(840);
        assertEquals(4, autoscaler.desired());
        assertEquals(Node.State.BOOTING, tier.nodes().get(2).state());
        sim.runUntil(929.99);
        assertEquals(2, tier.active().size());
        sim.runUntil(2000);
        for (Node n : tier.nodes().subList(2, 4)) {
            assertEquals(Node.State.IN_SERVICE, n.state());
            assertEquals(930, n.stateSinceS(), 0);
        }
        // 1.6 busy servers over 4 nodes = 40% < 50%: no more launches; scale-in would need
        // ceil(4 x 40 / 50) = ceil(3.2) = 4 nodes, so none goes either
        assertEquals(4, tier.nodes().size());
        assertEquals(4, tier.active().size());
    }

    @Test
    void cpuCountsServiceDoneNotServiceBookedAndRequestsCountPerNodeSecond() {
        // 1 node, 1 worker: ten 10 s jobs at t = 0 book 100 s of service. Over [0, 60] the
        // node is busy 60 s: 100%, not 100 / 60 = 167%; over [60, 120]: the last 40 s, 67%.
        // Requests per node: 10 offers / 60 node-seconds = 0.1667 per second, then 0.
        Simulation sim = new Simulation();
        AutoscaleSpec spec = new AutoscaleSpec(1, 1, new TargetTracking(Metric.CPU, 50, 60, 3, 15, 300, 1.0));
        Tier tier = tier(sim, 1, spec, OptionalLong.empty());
        TierMetric cpu = new TierMetric(tier, Optional.of(Metric.CPU), 0, 0);
        TierMetric requests = new TierMetric(tier, Optional.of(Metric.REQUESTS_PER_NODE), 0, 0);
        for (int i = 0; i < 10; i++) {
            tier.offer(10, IGNORE);
        }
        sim.runUntil(60);
        assertEquals(100, cpu.observe(0, 60, 1).metric(), 1e-9);
        assertEquals(10 / 60.0, requests.observe(0, 60, 1).metric(), 1e-12);
        sim.runUntil(120);
        assertEquals(100 * 40 / 60.0, cpu.observe(60, 120, 1).metric(), 1e-9);
        assertEquals(0, requests.observe(60, 120, 1).metric());
    }

    @Test
    void scheduleLaunchesAtTheWindowStartAndDrainsTheNewestAtItsEnd() {
        // 06:00 at t = 0; 08:00-18:00: 1.5 x 4 = 6 nodes. Launch at 7200 s, in service at 7290 s;
        // at 43200 s the two newest (idle) nodes stop at once.
        Simulation sim = new Simulation();
        Tier tier = scheduledFromEightToSix(sim, 6);
        sim.runUntil(7199);
        assertEquals(4, tier.nodes().size());
        sim.runUntil(7289.99);
        assertEquals(6, tier.nodes().size());
        assertEquals(4, tier.active().size());
        sim.runUntil(7290.01);
        assertEquals(6, tier.active().size());
        sim.runUntil(43200.01);
        assertEquals(4, tier.active().size());
        assertEquals(Node.State.STOPPED, tier.nodes().get(5).state());
        assertEquals(43200, tier.nodes().get(4).stateSinceS(), 1e-6);
        assertEquals(Node.State.IN_SERVICE, tier.nodes().get(3).state());
    }

    @Test
    void aWindowOpenBeforeTheRunHasItsNodesBootedForAsLongAsItHasBeenOpen() {
        // 10:00 at t = 0, inside 08:00-18:00 for two hours: the 2 extra nodes launched at 08:00
        // and have been in service since 08:01:30, so all 6 serve from t = 0.
        Simulation sim = new Simulation();
        Tier tier = scheduledFromEightToSix(sim, 10);
        sim.runUntil(0);
        assertEquals(6, tier.active().size());
        // 08:00:36 at t = 0: launched 36 s before the run, they boot for the other 54 s.
        Simulation late = new Simulation();
        Tier lateTier = scheduledFromEightToSix(late, 8.01);
        late.runUntil(53.99);
        assertEquals(6, lateTier.nodes().size());
        assertEquals(4, lateTier.active().size());
        late.runUntil(54.01);
        assertEquals(6, lateTier.active().size());
    }

    /** A tier of 4 nodes (90 s boot), 6 from 08:00 to 18:00, started at {@code startH} o'clock. */
    private static Tier scheduledFromEightToSix(Simulation sim, double startH) {
        AutoscaleSpec spec = new AutoscaleSpec(4, 6, new Scheduled(4, List.of(new Window(8, 18, 6))));
        Tier tier = tier(sim, 4, spec, OptionalLong.empty());
        Autoscaler.start(sim, tier, startH, 0);
        return tier;
    }

    @Test
    void webSocketConnectionsMoveToNewNodesAndRefusalsEnd() {
        // 100,000 connections on 2 nodes of 25,000 each: 50,000 refused. Metric: 100,000 / 2 =
        // 50,000 per node, target 20,000: after 3 periods (t = 180) ceil(2 x 50,000 / 20,000) = 5
        // nodes; in service at 270, when the clients spread to 20,000 per node.
        Simulation sim = new Simulation();
        AutoscaleSpec spec = new AutoscaleSpec(2, 8, new TargetTracking(Metric.CONNECTIONS_PER_NODE, 20_000, 60, 3,
                15, 300, 1.0));
        Tier tier = tier(sim, 2, spec, OptionalLong.of(25_000));
        RandomStreams streams = new RandomStreams(1, 0);
        WebSocketLoad ws = new WebSocketLoad(sim, Periods.of(new Horizon(0, 1000, 60)), 0.0005, tier, 100_000, 25_000,
                Optional.empty(), Optional.empty(), new Deterministic(3), new Deterministic(0.02),
                streams.stream("f"), streams.stream("s"), streams.stream("p"));
        Autoscaler.start(sim, tier, 0, 100_000);
        assertEquals(50_000, ws.refused());
        assertEquals(25_000, tier.nodes().get(0).connections());
        sim.runUntil(269.99);
        assertEquals(5, tier.nodes().size());
        assertEquals(25_000, tier.nodes().get(1).connections());
        assertEquals(0, tier.nodes().get(4).connections());
        sim.runUntil(270);
        for (Node n : tier.nodes()) {
            assertEquals(20_000, n.connections());
        }
        assertEquals(50_000, ws.refused(), "the most refused at once");
    }
}
