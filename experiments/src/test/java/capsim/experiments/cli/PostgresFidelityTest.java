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
 * scripts/measure-postgres.sh on a shared, busy machine), holding today's errors so that a
 * change which makes the predictions worse fails. The simulation is deterministic for its seed,
 * so the figures repeat exactly; each bound is today's relative error plus 10 points.
 * The targets (mean within 15% and p99 within 25% at utilisation 0.5; every measured
 * p99 within the predicted P10-P90 at 0.7 and 0.85) are NOT met on these logs; README
 * "Fidelity on real servers" says where capsim misses and why.
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

    @Test
    void heavyTransaction() throws Exception {
        // with interference (5 replications): mean +6/+32/+41/+163%, p99 +42/+150/+171/+259% (the
        // low-load tail, read as stalls, is too long for the loaded server); without: mean
        // -13/-4/-15/+2%, p99 -49/-31/-36/-23%
        holds(check("heavy", true), new double[][] {{0.2, 0.6}, {0.45, 1.7}, {0.55, 1.9}, {1.8, 2.75}});
        holds(check("heavy", false), new double[][] {{0.25, 0.6}, {0.15, 0.45}, {0.25, 0.5}, {0.15, 0.35}});
    }

    @Test
    void lightTransaction() throws Exception {
        // with interference: mean +21/-97/-51/-45%, p99 +60/-93/-52/-44% (capacity sagged during
        // the target runs, below what the capacity run showed); without: the backlog of seconds
        // at 0.7 is missed entirely (-100%)
        holds(check("light", true), new double[][] {{0.35, 0.75}, {1.0, 1.0}, {0.65, 0.65}, {0.6, 0.6}});
    }
}
