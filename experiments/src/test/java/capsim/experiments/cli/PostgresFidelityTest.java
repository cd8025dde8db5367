package capsim.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * calibrate + check on the committed PostgreSQL logs (datasets/postgres, measured by
 * scripts/measure-postgres.sh on a quiet machine), holding today's errors so that a change which
 * makes the predictions worse fails. The simulation is deterministic for its seed, so the
 * figures repeat exactly; each bound is today's relative error plus 10 points, and where a
 * measured p99 lies within the predicted P10-P90 of the replications' p99 today, it must stay
 * there. The targets (mean within 15% and p99 within 25% at utilisation 0.5; every measured p99
 * within the predicted P10-P90 at 0.7 and 0.85) are met only in part; README "Fidelity on real
 * servers" says where capsim misses and why.
 */
class PostgresFidelityTest {
    private static final Path DATA = Path.of("..", "datasets", "postgres");
    private static final List<String> LEVELS = List.of("low", "0.5", "0.7", "0.85");

    @TempDir
    Path dir;

    /** {mean error, p99 error} bounds (absolute, as fractions) per level, with interference then without. */
    private JsonNode check(String kind, boolean interference) throws Exception {
        Path fragment = dir.resolve(kind + (interference ? "" : "-plain") + ".yaml");
        Path d = DATA.resolve(kind);
        Cli fit = interference
                ? Cli.run("calibrate", "--low", d.resolve("low.log.gz").toString(), "--capacity-log",
                        d.resolve("capacity.log").toString(), "--out", fragment.toString())
                : Cli.run("calibrate", "--low", d.resolve("low.log.gz").toString(), "--capacity-log",
                        d.resolve("capacity.log").toString(), "--out", fragment.toString(), "--without-interference");
        assertEquals(0, fit.status(), fit.err());
        String[] args = new String[4 + 2 * LEVELS.size() + 4];
        int i = 0;
        args[i++] = "calibrate";
        args[i++] = "--check";
        args[i++] = fragment.toString();
        for (String level : LEVELS) {
            args[i++] = "--at";
            args[i++] = d.resolve(level + ".log.gz").toString();
        }
        args[i++] = "--out";
        args[i++] = dir.resolve(kind).toString();
        args[i++] = "--replications";
        args[i++] = "5";
        args[i] = "--threads=2";
        Cli check = Cli.run(args);
        assertEquals(0, check.status(), check.err());
        return new ObjectMapper().readTree(dir.resolve(kind).resolve("check.json").toFile()).get("runs");
    }

    private static void holds(JsonNode runs, double[][] bounds) {
        for (int i = 0; i < LEVELS.size(); i++) {
            JsonNode e = runs.get(i).get("error");
            String what = runs.get(i).get("log").asText() + ": " + e;
            assertTrue(Math.abs(e.get("mean").asDouble()) <= bounds[i][0], "mean " + what);
            assertTrue(Math.abs(e.get("p99").asDouble()) <= bounds[i][1], "p99 " + what);
        }
    }

    /** The measured p99 of each of {@code levels} lies within the predicted P10-P90 of per-run p99. */
    private static void withinSpread(JsonNode runs, String... levels) {
        for (String level : levels) {
            JsonNode run = runs.get(LEVELS.indexOf(level));
            assertTrue(run.get("p99_within_spread").asBoolean(), run.toString());
        }
    }

    @Test
    void heavyTransaction() throws Exception {
        // with interference (5 replications; regimes 471 / 303 tps, a wake-up, no stalls): mean
        // +9/+45/+178/+10617%, p99 +6/+74/+366/+5848% (the slow level, a third of the time in the
        // capacity run, inflates the pooled figures; the measured runs met the fast one), every
        // measured p99 within the P10-P90; without: mean -7/+24/+50/+72%, p99 -30/-1/+24/-37%
        JsonNode with = check("heavy", true);
        holds(with, new double[][] {{0.19, 0.16}, {0.55, 0.84}, {1.88, 3.76}, {106.3, 58.6}});
        withinSpread(with, "low", "0.5", "0.7", "0.85");
        JsonNode without = check("heavy", false);
        holds(without, new double[][] {{0.17, 0.40}, {0.34, 0.11}, {0.60, 0.34}, {0.82, 0.47}});
        withinSpread(without, "0.5");
    }

    @Test
    void lightTransaction() throws Exception {
        // with interference (regimes 18,117 / 8,919 tps, a wake-up, no stalls): mean
        // -35/-98/+38/-99%, p99 -53/-99/+125/-93%; the measured 0.5 and 0.85 runs met capacity
        // sags (a backlog of 0.6 s, and of seconds) that the fit does not foresee; the 0.7 run's
        // p99 lies within the P10-P90. Without interference every level is 57-100% low, so its
        // bounds could not fail and it is not held here.
        JsonNode with = check("light", true);
        holds(with, new double[][] {{0.45, 0.63}, {1.0, 1.0}, {0.48, 1.35}, {1.0, 1.0}});
        withinSpread(with, "0.7");
    }
}
