package capsim.models.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import capsim.models.spec.ExperimentSpec;
import capsim.models.spec.SloSpec;
import capsim.models.spec.SweepSpec;
import capsim.models.spec.TuneSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Experiment files: the sweep's grid and points expand to the overrides of each point; tune is read for the tuner. */
class ExperimentLoaderTest {
    @TempDir
    Path dir;

    private ExperimentSpec load(String text) throws IOException, ModelException {
        Files.createDirectories(dir.resolve("models"));
        Files.writeString(dir.resolve("models/base.yaml"), "name: base\n");
        Path file = Files.writeString(dir.resolve("exp/e.yaml").toAbsolutePath(), text);
        return ExperimentLoader.load(file);
    }

    private List<String> errors(String text) throws IOException {
        Files.createDirectories(dir.resolve("exp"));
        return assertThrows(ModelException.class, () -> load(text)).errors().stream()
                .map(e -> e.toString().replace(dir.resolve("exp/e.yaml").toString(), "e.yaml")).toList();
    }

    private static List<List<String>> texts(SweepSpec sweep) {
        return sweep.points().stream().map(p -> p.stream().map(ModelOverride::toString).toList()).toList();
    }

    /* 3 counts x 2 types = 6 points, the first key varying slowest; the base is relative to the file. */
    @Test
    void aGridExpandsToItsCartesianProductFirstKeySlowest() throws Exception {
        Files.createDirectories(dir.resolve("exp"));
        ExperimentSpec e = load("""
                base: ../models/base.yaml
                run: {duration_s: 600, replications: 5}
                sweep:
                  grid:
                    tiers.app.count: [4, 6, 8]
                    tiers.app.node: [t3.medium, c5.2xlarge]
                choose: {minimize: cost.monthly_usd}
                """);

        assertEquals(dir.resolve("models/base.yaml").toAbsolutePath().normalize(), e.base());
        assertEquals(List.of("run.duration_s=600", "run.replications=5"),
                e.run().stream().map(ModelOverride::toString).toList());
        SweepSpec sweep = e.sweep().orElseThrow();
        assertEquals(List.of("tiers.app.count", "tiers.app.node"), sweep.parameters());
        assertEquals(List.of(
                List.of("tiers.app.count=4", "tiers.app.node=t3.medium"),
                List.of("tiers.app.count=4", "tiers.app.node=c5.2xlarge"),
                List.of("tiers.app.count=6", "tiers.app.node=t3.medium"),
                List.of("tiers.app.count=6", "tiers.app.node=c5.2xlarge"),
                List.of("tiers.app.count=8", "tiers.app.node=t3.medium"),
                List.of("tiers.app.count=8", "tiers.app.node=c5.2xlarge")), texts(sweep));
        assertEquals(new ExperimentSpec.Choice("cost.monthly_usd", true), e.choose().orElseThrow());
        assertTrue(e.tune().isEmpty());
        assertTrue(sweep.points().get(0).get(0).label().matches(".*e\\.yaml:5:23: tiers\\.app\\.count=4"),
                sweep.points().get(0).get(0).label());
    }

    @Test
    void pointsKeepTheirOwnKeysAndValuesReadBackAsYaml() throws Exception {
        Files.createDirectories(dir.resolve("exp"));
        ExperimentSpec e = load("""
                base: ../models/base.yaml
                sweep:
                  points:
                    - {tiers.app.count: 4, tiers.app.node: t3.medium}
                    - {tiers.app.count: 6, slo.0.max: 150.5}
                    - {workload.classes.api.steps.0.service_ms: {dist: exponential, mean: 4}, tiers.app.node: "8"}
                choose: {maximize: uptime.ratio}
                """);

        SweepSpec sweep = e.sweep().orElseThrow();
        assertEquals(List.of("tiers.app.count", "tiers.app.node", "slo.0.max",
                "workload.classes.api.steps.0.service_ms"), sweep.parameters());
        assertEquals(List.of(List.of("tiers.app.count=4", "tiers.app.node=t3.medium"),
                List.of("tiers.app.count=6", "slo.0.max=150.5"),
                List.of("workload.classes.api.steps.0.service_ms={\"dist\": exponential, \"mean\": 4}",
                        "tiers.app.node=\"8\"")), texts(sweep));
        assertEquals(new ExperimentSpec.Choice("uptime.ratio", false), e.choose().orElseThrow());
    }

    /* set: applies to every model, after run: and before a point's or candidate's own values. */
    @Test
    void setGivesValuesForEveryModelAfterTheRunSettings() throws Exception {
        Files.createDirectories(dir.resolve("exp"));
        ExperimentSpec e = load("""
                base: ../models/base.yaml
                run: {replications: 1}
                set:
                  workload.profile: {kind: peak, from: 8, to: 20, factor: 1.5}
                  tiers.app.count: 4
                tune:
                  parameters:
                    tiers.app.autoscale.target: {min: 30, max: 90}
                  minimize: cost.monthly_usd
                """);

        assertEquals(List.of("run.replications=1", "workload.profile={\"kind\": peak, \"from\": 8, \"to\": 20,"
                + " \"factor\": 1.5}", "tiers.app.count=4"), e.fixed().stream().map(ModelOverride::toString).toList());
        assertTrue(e.set().get(1).label().matches(".*e\\.yaml:5:20: tiers\\.app\\.count=4"), e.set().get(1).label());
        assertEquals(List.of("e.yaml:2:6: set: expected a mapping of key paths to values, found a list"),
                errors("base: ../models/base.yaml\nset: [tiers.app.count]\ntune: {parameters: {tiers.app.count:"
                        + " {min: 1, max: 2}}, minimize: cost.monthly_usd}\n"));
    }

    @Test
    void tuneIsReadWithItsBoundsObjectiveAndConstraints() throws Exception {
        Files.createDirectories(dir.resolve("exp"));
        TuneSpec tune = load("""
                base: ../models/base.yaml
                tune:
                  parameters:
                    tiers.app.autoscale.target: {min: 0.3, max: 0.9}
                    tiers.app.count: {min: 2, max: 12, integer: true}
                  minimize: cost.monthly_usd
                  subject_to: ["classes.api.latency_ms.p99 <= 200", "uptime.ratio>=0.99"]
                  evaluations: 25
                """).tune().orElseThrow();

        assertEquals(List.of(new TuneSpec.Parameter("tiers.app.autoscale.target", 0.3, 0.9, false),
                new TuneSpec.Parameter("tiers.app.count", 2, 12, true)), tune.parameters());
        assertEquals("cost.monthly_usd", tune.objective());
        assertTrue(tune.minimize());
        assertEquals(List.of(new SloSpec("classes.api.latency_ms.p99", OptionalDouble.of(200), OptionalDouble.empty()),
                new SloSpec("uptime.ratio", OptionalDouble.empty(), OptionalDouble.of(0.99))), tune.subjectTo());
        assertEquals(25, tune.evaluations());
    }

    @Test
    void mistakesAreReportedWithLineColumnAndKey() throws IOException {
        assertEquals(List.of("e.yaml:1:1: give exactly one of sweep (points to run) or tune (a search)",
                "e.yaml:1:7: base: no model file at " + dir.resolve("exp/nope.yaml"),
                "e.yaml:2:7: run.duratoin_s: unknown key 'duratoin_s'; did you mean 'duration_s'?"),
                errors("base: nope.yaml\nrun: {duratoin_s: 5}\n"));
        assertEquals(List.of("e.yaml:4:22: sweep.grid.tiers.app.count: expected a list of values to try, found a"
                + " number (4)"), errors("""
                base: ../models/base.yaml
                sweep:
                  grid:
                    tiers.app.count: 4
                """));
        assertEquals(List.of("e.yaml:5:22: tune.parameters.tiers.app.count: min (5.0) must be below max (2.0)",
                "e.yaml:6:16: tune.subject_to[0]: expected \"METRIC <= NUMBER\" or \"METRIC >= NUMBER\", found a"
                        + " string ('p99 < 3')"), errors("""
                base: ../models/base.yaml
                tune:
                  minimize: cost.monthly_usd
                  parameters:
                    tiers.app.count: {min: 5, max: 2}
                  subject_to: ["p99 < 3"]
                """));
    }
}
