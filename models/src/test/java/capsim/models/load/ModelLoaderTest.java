package capsim.models.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import capsim.models.catalog.Catalog;
import capsim.models.spec.ArrivalSpec;
import capsim.models.spec.ClassSpec;
import capsim.models.spec.CurrencySpec;
import capsim.models.spec.DistSpec;
import capsim.models.spec.ModelSpec;
import capsim.models.spec.NetworkSpec;
import capsim.models.spec.ProfileSpec;
import capsim.models.spec.RunSpec;
import capsim.models.spec.SloSpec;
import capsim.models.spec.StepSpec;
import capsim.models.spec.TierSpec;
import capsim.models.spec.TierSpec.Balancer;
import capsim.models.spec.TierSpec.Discipline;
import capsim.models.spec.WebSocketSpec;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** A model file binds to the records it describes, with the documented defaults. */
class ModelLoaderTest {
    private static final OptionalDouble NONE = OptionalDouble.empty();
    private final ModelLoader loader = new ModelLoader(Catalog.builtIn());

    static Path resource(String name) {
        try {
            return Path.of(ModelLoaderTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DistSpec meanCv(String dist, double mean, double cv) {
        return new DistSpec(dist, OptionalDouble.of(mean), OptionalDouble.of(cv), NONE, NONE, NONE, List.of());
    }

    @Test
    void completeModelBindsEveryKey() throws ModelException {
        Path file = resource("complete.yaml");
        ModelSpec m = loader.load(file);

        assertEquals("complete-model", m.name());
        assertEquals("Every key of a model file", m.title());
        assertEquals(Optional.of(new CurrencySpec("TZS", 2600)), m.currency());
        assertEquals(new RunSpec(1800, 120, 3, 7), m.run());
        assertEquals(new NetworkSpec(0.3), m.network());
        assertEquals(file.toString(), m.source());

        // "08:30" is 8.5 hours.
        assertEquals(new ProfileSpec(ProfileSpec.Kind.PEAK, List.of(), 8.5, 18, 2.5, 6), m.workload().profile());

        List<ClassSpec> classes = m.workload().classes();
        assertEquals(3, classes.size());
        ClassSpec api = classes.get(0);
        assertEquals("api", api.name());
        assertEquals(OptionalDouble.of(1000), api.ratePerS());
        assertEquals(OptionalInt.empty(), api.users());
        assertEquals(new ArrivalSpec(ArrivalSpec.Kind.MMPP, 3, 0.1, 60, Optional.empty()), api.arrival());
        assertEquals(List.of(
                new StepSpec("app", meanCv("lognormal", 8, 1.5), 1, NONE, List.of()),
                new StepSpec("cache", DistSpec.exponential(0.2), 1, OptionalDouble.of(0.8), List.of(
                        new StepSpec("db", meanCv("gamma", 4, 0.5), 3, NONE, List.of())))), api.steps());

        ClassSpec upload = classes.get(1);
        assertEquals(new ArrivalSpec(ArrivalSpec.Kind.TRACE, 1, 0, 0,
                Optional.of(file.getParent().resolve("rates.csv"))), upload.arrival());
        assertEquals(List.of(
                new StepSpec("app", new DistSpec("uniform", NONE, NONE, OptionalDouble.of(10), OptionalDouble.of(30),
                        NONE, List.of()), 1, NONE, List.of()),
                new StepSpec("db", meanCv("weibull", 6, 2), 1, NONE, List.of())), upload.steps());

        ClassSpec browse = classes.get(2);
        assertTrue(browse.closed());
        assertEquals(OptionalInt.of(200), browse.users());
        assertEquals(OptionalDouble.of(5), browse.thinkS());
        assertEquals(NONE, browse.ratePerS());
        assertEquals(ArrivalSpec.POISSON, browse.arrival());
        assertEquals(List.of(
                new DistSpec("pareto", OptionalDouble.of(3), NONE, NONE, NONE, OptionalDouble.of(2.5), List.of()),
                meanCv("pareto", 3, 1.2),
                new DistSpec("empirical", NONE, NONE, NONE, NONE, NONE, List.of(1.0, 2.5, 4.0))),
                browse.steps().stream().map(StepSpec::serviceMs).toList());

        assertEquals(Optional.of(new WebSocketSpec("ws", 100_000, 10_000,
                new DistSpec("geometric", OptionalDouble.of(30), NONE, NONE, NONE, NONE, List.of()),
                DistSpec.deterministic(0.02), Optional.of("cache"), Optional.of(DistSpec.exponential(0.1)))),
                m.workload().websocket());

        OptionalInt noInt = OptionalInt.empty();
        assertEquals(List.of(
                new TierSpec("app", "t3.medium", 4, OptionalInt.of(2), Discipline.PS, Balancer.POWER_OF_TWO,
                        OptionalInt.of(1000), OptionalDouble.of(5000), OptionalLong.empty(), noInt, NONE, NONE),
                new TierSpec("cache", "cache.t3.small", 1, noInt, Discipline.FCFS, Balancer.LEAST_CONNECTIONS, noInt,
                        NONE, OptionalLong.empty(), noInt, NONE, NONE),
                new TierSpec("db", "custom", 2, noInt, Discipline.FCFS, Balancer.RANDOM, noInt, NONE,
                        OptionalLong.empty(), OptionalInt.of(4), OptionalDouble.of(16), OptionalDouble.of(0.5)),
                new TierSpec("ws", "t3.large", 4, noInt, Discipline.FCFS, Balancer.ROUND_ROBIN, noInt, NONE,
                        OptionalLong.of(25_000), noInt, NONE, NONE)), m.tiers());

        assertEquals(List.of(
                new SloSpec("classes.api.latency_ms.p99", OptionalDouble.of(200), NONE),
                new SloSpec("tiers.db.latency_ms.p99", OptionalDouble.of(50), NONE),
                new SloSpec("websocket.delivery_ms.p99", OptionalDouble.of(100), NONE),
                new SloSpec("uptime.ratio", NONE, OptionalDouble.of(0.995)),
                new SloSpec("cost.monthly_local", OptionalDouble.of(1_000_000), NONE)), m.slo());
    }

    @Test
    void defaultsFillWhatIsLeftOut() throws ModelException {
        ModelSpec m = loader.parse(MINIMAL.replace("workload:\n", "run: {replications: 2}\nworkload:\n"), "small.yaml");
        // Only replications given: the other run keys keep RunSpec.DEFAULT's values.
        RunSpec d = RunSpec.DEFAULT;
        assertEquals(new RunSpec(d.durationS(), d.warmupS(), 2, d.seed()), m.run());
        assertEquals("minimal", m.title());
        assertEquals(Optional.empty(), m.currency());
        assertEquals(NetworkSpec.DEFAULT, m.network());
        assertEquals(0.5, m.network().hopMs());
        assertEquals(ProfileSpec.CONSTANT, m.workload().profile());
        assertEquals(Optional.empty(), m.workload().websocket());
        assertEquals(List.of(), m.slo());
        ClassSpec api = m.workload().classes().get(0);
        assertEquals(ArrivalSpec.POISSON, api.arrival());
        assertEquals(OptionalDouble.empty(), api.thinkS());
        assertEquals(1, api.steps().get(0).repeat());
        assertEquals(OptionalDouble.empty(), api.steps().get(0).hitRatio());
        TierSpec app = m.tiers().get(0);
        assertEquals(OptionalInt.empty(), app.workers());
        assertEquals(Discipline.FCFS, app.discipline());
        assertEquals(Balancer.ROUND_ROBIN, app.balancer());
        assertEquals(OptionalInt.empty(), app.queueLimit());
        assertEquals(OptionalDouble.empty(), app.timeoutMs());
        assertEquals(OptionalLong.empty(), app.maxConnections());
    }

    @Test
    void withoutRunSectionTheDefaultRunApplies() throws ModelException {
        ModelSpec m = loader.parse(MINIMAL, "minimal.yaml");
        assertEquals(RunSpec.DEFAULT, m.run());
    }

    @Test
    void hourlyProfileBindsItsMultipliers() throws ModelException {
        String profile = """
                workload:
                  profile:
                    kind: hourly
                    multipliers: [0.2, 0.2, 0.2, 0.2, 0.2, 0.3, 0.5, 0.8, 1, 1.2, 1.5, 1.5,
                                  1.4, 1.4, 1.5, 1.5, 1.3, 1.1, 0.9, 0.8, 0.6, 0.5, 0.4, 0.3]
                """;
        ModelSpec m = loader.parse(MINIMAL.replace("workload:\n", profile), "hourly.yaml");
        ProfileSpec p = m.workload().profile();
        assertEquals(ProfileSpec.Kind.HOURLY, p.kind());
        assertEquals(24, p.multipliers().size());
        assertEquals(1.2, p.multipliers().get(9));
        assertEquals(0.3, p.multipliers().get(23));
    }

    @Test
    void jsonFileBinds() throws ModelException {
        ModelSpec m = loader.load(resource("minimal.json"));
        assertEquals("minimal-json", m.name());
        assertEquals(OptionalDouble.of(50), m.workload().classes().get(0).ratePerS());
        assertEquals("c5.2xlarge", m.tiers().get(0).node());
        assertEquals(2, m.tiers().get(0).count());
    }

    @Test
    void jsonTextIsRecognisedByItsBrace() throws ModelException {
        ModelSpec m = loader.parse("""
                  {"name": "inline", "workload": {"classes": [{"name": "api", "users": 3, "think_s": 5,
                   "steps": [{"tier": "app", "service_ms": {"dist": "deterministic", "mean": 1}}]}]},
                   "tiers": [{"name": "app", "node": "t3.small", "count": 1}]}
                """, "inline-model");
        assertEquals(OptionalInt.of(3), m.workload().classes().get(0).users());
    }

    @Test
    void aliasesAndMergeKeysAreExpanded() throws ModelException {
        ModelSpec m = loader.parse("""
                name: anchors
                workload:
                  classes:
                    - name: api
                      rate_per_s: 10
                      steps:
                        - tier: a
                          service_ms: &svc {dist: lognormal, mean: 8, cv: 1.5}
                        - tier: b
                          service_ms: *svc
                tiers:
                  - &base {name: a, node: t3.small, count: 2, balancer: random}
                  - <<: *base
                    name: b
                """, "anchors.yaml");
        List<StepSpec> steps = m.workload().classes().get(0).steps();
        assertEquals(steps.get(0).serviceMs(), steps.get(1).serviceMs());
        TierSpec b = m.tiers().get(1);
        assertEquals("b", b.name());
        assertEquals(2, b.count());
        assertEquals(Balancer.RANDOM, b.balancer());
        assertFalse(m.tier("b").isEmpty());
    }

    /** A valid model with one class and one tier; tests replace parts of it. */
    static final String MINIMAL = """
            name: minimal
            workload:
              classes:
                - name: api
                  rate_per_s: 10
                  steps:
                    - tier: app
                      service_ms: {dist: exponential, mean: 5}
            tiers:
              - {name: app, node: t3.small, count: 1}
            """;
}
