package capsim.models.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import capsim.models.catalog.Catalog;
import capsim.models.catalog.NodeType;
import capsim.models.spec.ArrivalSpec;
import capsim.models.spec.ClassSpec;
import capsim.models.spec.DistSpec;
import capsim.models.spec.ModelSpec;
import capsim.models.spec.NetworkSpec;
import capsim.models.spec.ProfileSpec;
import capsim.models.spec.RunSpec;
import capsim.models.spec.StepSpec;
import capsim.models.spec.TierSpec;
import capsim.models.spec.WebSocketSpec;
import capsim.models.spec.WorkloadSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfferedLoadTest {
    private static final double EPS = 1e-9;
    private static final Catalog CATALOG = new Catalog(Map.of(
            "t3.medium", new NodeType("t3.medium", 2, 4, 0.0416, Optional.empty(), "test"),
            "t3.large", new NodeType("t3.large", 2, 8, 0.0832, Optional.empty(), "test")));

    /*
     * Hand computation for the model below (peak profile factor 2):
     * api: 100/s x 2 = 200/s.
     *   app   200 visits, 200 x 10 ms = 2.0 server-s/s
     *   cache 200 visits, uniform(0.1, 0.3) mean 0.2 ms: 0.04; miss 0.2 -> 40/s run on_miss:
     *     db    repeat 3: 120 visits, 120 x 4 ms = 0.48
     *     cache empirical {1,2,3} mean 2 ms: 40 visits, 0.08; miss 0.5 -> 20/s:
     *       db  deterministic 10 ms: 20 visits, 0.2
     * batch: closed, 50 users / 5 s think = 10/s (upper bound), app repeat 2 x 20 ms: 20 visits, 0.4
     * websocket: 1000 msg/s x 2 = 2000 msg/s, fanout mean 30, send 0.02 ms, ws has 3 nodes:
     *   ws     2000 x min(30, 3) = 6000 visits, 2000 x 30 x 0.02 ms = 1.2
     *   pubsub 2000 visits, 2000 x 0.5 ms = 1.0
     * Totals / servers:
     *   app    220 visits, 2.4  / (2 nodes x 2 vCPU = 4)  = 0.6
     *   cache  240 visits, 0.12 / (custom 1 node x 1 vcpu) = 0.12
     *   db     140 visits, 0.68 / (1 node x 4 workers)    = 0.17
     *   ws    6000 visits, 1.2  / (3 nodes x 2 vCPU = 6)  = 0.2
     *   pubsub 2000 visits, 1.0 / (custom 1 x 2 vcpu)     = 0.5
     * network.hop_ms (0.5) is latency, not work: it adds nothing.
     */
    @Test
    void addsVisitsAndWorkOfEveryStepMissBranchAndWebSocket() {
        List<OfferedLoad.TierLoad> loads = OfferedLoad.of(model(2), CATALOG);

        assertEquals(List.of("app", "cache", "db", "ws", "pubsub"),
                loads.stream().map(OfferedLoad.TierLoad::tier).toList());
        assertLoad(loads.get(0), 220, 2.4, 4, 0.6);
        assertLoad(loads.get(1), 240, 0.12, 1, 0.12);
        assertLoad(loads.get(2), 140, 0.68, 4, 0.17);
        assertLoad(loads.get(3), 6000, 1.2, 6, 0.2);
        assertLoad(loads.get(4), 2000, 1.0, 2, 0.5);
        assertEquals("at the profile's peak, 08:00 (x2)", OfferedLoad.peakNote(model(2)));
        assertTrue(loads.stream().noneMatch(OfferedLoad.TierLoad::saturated));
    }

    /* Hourly multipliers of 1 except 2.5 at 14:00: rates and the WebSocket load at the peak, named. */
    @Test
    void anHourlyProfilePeaksAtItsLargestHour() {
        List<Double> hours = new java.util.ArrayList<>(java.util.Collections.nCopies(24, 1.0));
        hours.set(14, 2.5);
        ProfileSpec hourly = new ProfileSpec(ProfileSpec.Kind.HOURLY, hours, 0, 0, 1, 0);
        ModelSpec m = model(2);
        ModelSpec shaped = new ModelSpec(m.name(), m.title(), m.currency(), m.run(), new WorkloadSpec(hourly,
                m.workload().classes(), m.workload().websocket()), m.tiers(), m.network(), m.slo(), m.source());

        assertEquals(14, hourly.peakHour(), 0);
        assertEquals("at the profile's peak, 14:00 (x2.5)", OfferedLoad.peakNote(shaped));
        assertEquals(2500, OfferedLoad.peakMessagesPerS(shaped), 1e-9);
        assertEquals(250, OfferedLoad.classRates(shaped).get(0).ratePerS(), 1e-9);
    }

    @Test
    void closedClassRateIsAnUpperBound() {
        List<OfferedLoad.ClassRate> rates = OfferedLoad.classRates(model(2));

        assertEquals(new OfferedLoad.ClassRate("api", 200, false), rates.get(0));
        assertEquals(new OfferedLoad.ClassRate("batch", 10, true), rates.get(1));
    }

    /* One app node with 2 workers: 2.4 server-s/s of work on 2 servers = 1.2 >= 1. */
    @Test
    void tierWithUtilisationOfOneOrMoreIsSaturated() {
        List<OfferedLoad.TierLoad> loads = OfferedLoad.of(model(1), CATALOG);

        assertLoad(loads.get(0), 220, 2.4, 2, 1.2);
        assertTrue(loads.get(0).saturated());
        assertFalse(loads.get(1).saturated());
    }

    /* Trace rows 50, 120, 80 /s: peak 120/s x 5 ms = 0.6 server-s/s on 2 vCPU = 0.3. */
    @Test
    void traceArrivalsUseTheLargestRateOfTheCsvRelativeToTheModelFile(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("trace.csv"), "time_s,rate_per_s\n0,50\n60,120\n\n# quiet hour\n120,80\n");
        ModelSpec spec = traceModel(dir.resolve("model.yaml"));

        OfferedLoad.TierLoad app = OfferedLoad.of(spec, CATALOG).get(0);

        assertLoad(app, 120, 0.6, 2, 0.3);
    }

    @Test
    void malformedTraceRowIsReportedWithFileAndLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("trace.csv"), "time_s,rate_per_s\n0,50\n60,lots\n");
        ModelSpec spec = traceModel(dir.resolve("model.yaml"));

        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> OfferedLoad.of(spec, CATALOG));
        assertTrue(e.getMessage().contains("trace.csv:3:"), e.getMessage());
    }

    @Test
    void meanOfUniformAndEmpiricalAndParametric() {
        assertEquals(0.2, OfferedLoad.meanOf(uniform(0.1, 0.3)), EPS);
        assertEquals(2, OfferedLoad.meanOf(empirical(1, 2, 3)), EPS);
        assertEquals(7, OfferedLoad.meanOf(DistSpec.exponential(7)), EPS);
    }

    private static void assertLoad(OfferedLoad.TierLoad load, double visitsPerS, double work, int servers,
                                   double utilization) {
        assertEquals(visitsPerS, load.visitsPerS(), EPS, load.tier() + " visits");
        assertEquals(work, load.workServerSPerS(), EPS, load.tier() + " work");
        assertEquals(servers, load.servers(), load.tier() + " servers");
        assertEquals(utilization, load.utilization(), EPS, load.tier() + " utilization");
    }

    private static ModelSpec model(int appCount) {
        StepSpec deepMiss = step("db", DistSpec.deterministic(10), 1, OptionalDouble.empty(), List.of());
        List<StepSpec> miss = List.of(
                step("db", DistSpec.exponential(4), 3, OptionalDouble.empty(), List.of()),
                step("cache", empirical(1, 2, 3), 1, OptionalDouble.of(0.5), List.of(deepMiss)));
        ClassSpec api = new ClassSpec("api", OptionalDouble.of(100), OptionalInt.empty(), OptionalDouble.empty(),
                ArrivalSpec.POISSON, List.of(
                step("app", DistSpec.exponential(10), 1, OptionalDouble.empty(), List.of()),
                step("cache", uniform(0.1, 0.3), 1, OptionalDouble.of(0.8), miss)));
        ClassSpec batch = new ClassSpec("batch", OptionalDouble.empty(), OptionalInt.of(50), OptionalDouble.of(5),
                ArrivalSpec.POISSON, List.of(step("app", DistSpec.deterministic(20), 2, OptionalDouble.empty(),
                List.of())));
        WebSocketSpec ws = new WebSocketSpec("ws", 90_000, 1000,
                new DistSpec("geometric", OptionalDouble.of(30), OptionalDouble.empty(), OptionalDouble.empty(),
                        OptionalDouble.empty(), OptionalDouble.empty(), List.of()),
                DistSpec.deterministic(0.02), Optional.of("pubsub"), Optional.of(DistSpec.exponential(0.5)));
        ProfileSpec peak = new ProfileSpec(ProfileSpec.Kind.PEAK, List.of(), 8, 18, 2, 0);
        return new ModelSpec("offered", "offered load", Optional.empty(), RunSpec.DEFAULT,
                new WorkloadSpec(peak, List.of(api, batch), Optional.of(ws)),
                List.of(tier("app", "t3.medium", appCount, OptionalInt.empty(), OptionalInt.empty()),
                        tier("cache", "custom", 1, OptionalInt.empty(), OptionalInt.of(1)),
                        tier("db", "t3.large", 1, OptionalInt.of(4), OptionalInt.empty()),
                        tier("ws", "t3.large", 3, OptionalInt.empty(), OptionalInt.empty()),
                        tier("pubsub", "custom", 1, OptionalInt.empty(), OptionalInt.of(2))),
                NetworkSpec.DEFAULT, List.of(), "offered.yaml");
    }

    private static ModelSpec traceModel(Path modelFile) {
        ArrivalSpec trace = new ArrivalSpec(ArrivalSpec.Kind.TRACE, 1, 0, 0, Optional.of(Path.of("trace.csv")));
        ClassSpec api = new ClassSpec("api", OptionalDouble.empty(), OptionalInt.empty(), OptionalDouble.empty(),
                trace, List.of(step("app", DistSpec.deterministic(5), 1, OptionalDouble.empty(), List.of())));
        return new ModelSpec("trace", "trace", Optional.empty(), RunSpec.DEFAULT,
                new WorkloadSpec(ProfileSpec.CONSTANT, List.of(api), Optional.empty()),
                List.of(tier("app", "t3.medium", 1, OptionalInt.empty(), OptionalInt.empty())),
                NetworkSpec.DEFAULT, List.of(), modelFile.toString());
    }

    private static StepSpec step(String tier, DistSpec service, int repeat, OptionalDouble hit, List<StepSpec> miss) {
        return new StepSpec(tier, service, repeat, hit, miss);
    }

    private static TierSpec tier(String name, String node, int count, OptionalInt workers, OptionalInt vcpu) {
        return new TierSpec(name, node, count, workers, TierSpec.Discipline.FCFS, TierSpec.Balancer.ROUND_ROBIN,
                OptionalInt.empty(), OptionalDouble.empty(), OptionalLong.empty(), vcpu, OptionalDouble.empty(),
                OptionalDouble.empty());
    }

    private static DistSpec uniform(double min, double max) {
        return new DistSpec("uniform", OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.of(min),
                OptionalDouble.of(max), OptionalDouble.empty(), List.of());
    }

    private static DistSpec empirical(double... samples) {
        return new DistSpec("empirical", OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.empty(), OptionalDouble.empty(), Arrays.stream(samples).boxed().toList());
    }
}
