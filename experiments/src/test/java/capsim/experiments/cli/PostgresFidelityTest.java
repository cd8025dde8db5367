package capsim.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * calibrate + check on the committed PostgreSQL logs (datasets/postgres and datasets/postgres-2,
 * measured by scripts/measure-postgres.sh on a quiet machine a day apart), holding today's errors so that a change which
 * makes the predictions worse fails. The simulation is deterministic for its seed, so the
 * figures repeat exactly: with 10 replications they are the README's table. Each bound is
 * today's relative error plus 10 points, and where a measured p99 lies within the predicted
 * P10-P90 of the replications' p99 today, it must stay there. The targets (mean within 15% and
 * p99 within 25% at utilisation 0.5; every measured p99 within the predicted P10-P90 at 0.7 and
 * 0.85) are met only in part; README "Fidelity on real servers" says where capsim misses
 * and why.
 */
class PostgresFidelityTest {
    private static final Path DATA = Path.of("..", "datasets", "postgres");
    /** The second measurement: a capacity run of 600 s instead of 180. */
    private static final Path SECOND = Path.of("..", "datasets", "postgres-2");
    private static final List<String> LEVELS = List.of("low", "0.5", "0.7", "0.85");

    @TempDir
    Path dir;

    /** {mean error, p99 error} bounds (absolute, as fractions) per level, with interference then without. */
    private JsonNode check(String kind, boolean interference) throws Exception {
        return check(kind, interference ? "" : "--without-interference");
    }

    /** As above, fitted with {@code option} (none when empty). */
    private JsonNode check(String kind, String option) throws Exception {
        return check(DATA, kind, option);
    }

    /** As above, on the dataset in {@code data}. */
    private JsonNode check(Path data, String kind, String option) throws Exception {
        String name = data.getFileName() + "-" + kind + option;
        Path fragment = dir.resolve(name + ".yaml");
        Path d = data.resolve(kind);
        List<String> fitArgs = new ArrayList<>(List.of("calibrate", "--low", d.resolve("low.log.gz").toString(),
                "--capacity-log", d.resolve("capacity.log").toString(), "--out", fragment.toString()));
        if (!option.isEmpty()) {
            fitArgs.add(option);
        }
        Cli fit = Cli.run(fitArgs.toArray(String[]::new));
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
        args[i++] = dir.resolve(name).toString();
        args[i++] = "--replications";
        args[i++] = "10";
        args[i] = "--threads=2";
        Cli check = Cli.run(args);
        assertEquals(0, check.status(), check.err());
        return new ObjectMapper().readTree(dir.resolve(name).resolve("check.json").toFile()).get("runs");
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
        // with interference (regimes 466 / 310 tps, slow 6% of the capacity run; a wake-up, no
        // stalls): mean +5/-27/-59/+1035%, p99 +13/-54/+28/+830%; the 0.5 run met the slow level in
        // its last 17 s, more than the fit expects, and its p99 lies outside the P10-P90; the others
        // within. Without: mean +1/-29/-90/-44%, p99 -4/-65/-93/-85%, only the low-load p99 within.
        JsonNode with = check("heavy", true);
        holds(with, new double[][] {{0.16, 0.24}, {0.37, 0.65}, {0.69, 0.38}, {10.45, 8.4}});
        withinSpread(with, "low", "0.7", "0.85");
        JsonNode without = check("heavy", false);
        holds(without, new double[][] {{0.11, 0.15}, {0.4, 0.76}, {1.0, 1.03}, {0.55, 0.95}});
        withinSpread(without, "low");
    }

    @Test
    void heavyTransactionWithLoadDependence() throws Exception {
        // --load-dependence: the demand at low load, 2.754 ms from 81 overlapping pairs, is 1.28 x
        // the demand at capacity (3.8 SE above it); the overhead falls to 0.26 ms. Mean
        // -4/-18/-48/+1097%, p99 +4/-43/+59/+864%: the low-load and 0.5 runs closer than without it
        // (+5/-27% and +13/-54%), the pooled 0.7 and 0.85 figures, set by the replications that meet
        // the slow level, higher; the measured p99 still within the P10-P90 but at 0.5 (21.4-48.5 ms
        // against 54.6)
        JsonNode with = check("heavy", "--load-dependence");
        holds(with, new double[][] {{0.14, 0.15}, {0.29, 0.53}, {0.59, 0.70}, {11.07, 8.74}});
        withinSpread(with, "low", "0.7", "0.85");
    }

    @Test
    void theLightTransactionShowsNoLoadDependenceOfItsOwn(@TempDir Path out) {
        // its fastest low-load latencies do not hold the demand at capacity: the client's and the
        // network's work is of the server's order, and the pairs would read them as the server's
        Path d = DATA.resolve("light");
        Cli fit = Cli.run("calibrate", "--low", d.resolve("low.log.gz").toString(), "--capacity-log",
                d.resolve("capacity.log").toString(), "--out", out.resolve("light.yaml").toString(), "--load-dependence");
        assertEquals(0, fit.status(), fit.err());
        assertTrue(fit.out().contains("load dependence: none shown"), fit.out());
    }

    @Test
    void lightTransaction() throws Exception {
        // with interference (regimes 17,790 / 11,704 / 7,151 tps, a wake-up, no stalls): mean
        // -3/+14/+28990/+10200%, p99 -38/-29/+41770/+2327%. The slow level is below the 0.7 and
        // close to the 0.85 rate, so capsim expects backlogs of seconds in many runs there; the
        // measured runs met none (0.7) or one of 0.4 s (0.85), and their p99 lie within the wide
        // P10-P90. Without interference (mean -25/-17/+44/-85%, p99 -83/-84/-67/-99%, none within)
        // most bounds would sit near 100% and hardly fail, so it is not held here: it would double
        // the test's time (20 s of CPU) for little.
        JsonNode with = check("light", true);
        holds(with, new double[][] {{0.14, 0.48}, {0.25, 0.4}, {290, 417.8}, {102.1, 23.37}});
        withinSpread(with, "0.7", "0.85");
    }

    @Test
    void lightTransactionWithClientStalls() throws Exception {
        // --client-stalls: the client's stalls fitted from the low-load run's schedule lags (Weibull,
        // mean 1.616 ms, cv 0.68, 16.75 per s), the wake-up from the transactions they did not touch:
        // mean -4/+38/+31420/+12160%, p99 -30/-4/+44090/+2453%; the measured p99 lies within the
        // P10-P90 at 0.5, 0.7 and 0.85, not at low load (1.93-2.12 ms against 2.91).
        JsonNode with = check("light", "--client-stalls");
        holds(with, new double[][] {{0.14, 0.41}, {0.48, 0.15}, {314.3, 441.0}, {121.7, 24.63}});
        withinSpread(with, "0.5", "0.7", "0.85");
    }

    @Test
    void theSecondMeasurement() throws Exception {
        // datasets/postgres-2, with interference. Heavy (regimes 484 / 320 tps, slow 32% of a 600 s
        // capacity run against 6% of the first's 180 s): mean +13/+42/+256/-48%, p99
        // +30/+32/+488/+40%, the 0.5 and 0.85 p99 within the P10-P90. Light (18,551 / 12,252 / 7,762
        // tps): mean -6/+93/+410,700/+2,913%, p99 -42/+13/+274,000/+1,685%, the 0.5, 0.7 and 0.85 p99
        // within: its 0.5 run was faster than its low-load run, an overhead fading with load that
        // capsim does not model
        JsonNode heavy = check(SECOND, "heavy", "");
        holds(heavy, new double[][] {{0.23, 0.40}, {0.52, 0.43}, {2.66, 4.99}, {0.58, 0.51}});
        withinSpread(heavy, "0.5", "0.85");
        JsonNode light = check(SECOND, "light", "");
        holds(light, new double[][] {{0.17, 0.53}, {1.03, 0.23}, {4107.1, 2740.1}, {29.23, 16.95}});
        withinSpread(light, "0.5", "0.7", "0.85");
    }
}
