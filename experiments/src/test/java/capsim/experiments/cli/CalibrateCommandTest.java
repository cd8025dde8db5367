package capsim.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import capsim.models.catalog.Catalog;
import capsim.models.load.ModelLoader;
import capsim.models.spec.ModelSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrateCommandTest {
    @TempDir
    Path dir;

    /** A start_s,latency_ms log: Poisson starts at {@code rate}, latencies 1 + Exp(mean 2) ms, seed fixed. */
    private Path log(String name, double rate, int n, long seed) throws Exception {
        Random r = new Random(seed);
        StringBuilder b = new StringBuilder("start_s,latency_ms\n");
        double t = 0;
        for (int i = 0; i < n; i++) {
            t += -Math.log(1 - r.nextDouble()) / rate;
            b.append(String.format(Locale.ROOT, "%.6f,%.4f%n", t, 1 - 2 * Math.log(1 - r.nextDouble())));
        }
        Path p = dir.resolve(name);
        Files.writeString(p, b);
        return p;
    }

    @Test
    void fitsAValidModelAndChecksIt() throws Exception {
        Path low = log("low.csv", 20, 2000, 1);
        Path fragment = dir.resolve("fitted.yaml");
        Cli fit = Cli.run("calibrate", "--low", low.toString(), "--capacity-tps", "400", "--out", fragment.toString());
        assertEquals(0, fit.status(), fit.err());
        String text = Files.readString(fragment);
        ModelSpec spec = new ModelLoader(Catalog.builtIn()).load(fragment);
        assertEquals(1, spec.tiers().size());
        assertTrue(text.contains("service_ms: {dist: "), text);
        assertTrue(text.contains("mean: 2.5,"), text); // 1000 / 400 ms
        assertTrue(text.contains("# constant overhead"), text);

        Path at = log("at.csv", 40, 2000, 2);
        Path out = dir.resolve("check");
        Cli check = Cli.run("calibrate", "--check", fragment.toString(), "--at", at.toString(), "--out",
                out.toString(), "--threads", "2");
        assertEquals(0, check.status(), check.err());
        JsonNode run = new ObjectMapper().readTree(out.resolve("check.json").toFile()).get("runs").get(0);
        assertEquals(at.toString(), run.get("log").asText());
        assertEquals(40, run.get("rate_per_s").asDouble(), 4); // 2000 Poisson arrivals at 40/s
        for (String block : new String[] {"measured", "predicted", "error"}) {
            for (String figure : new String[] {"mean", "p90", "p99"}) {
                assertTrue(run.get(block).has(figure), block + "." + figure);
            }
        }
        assertTrue(check.out().contains("p99 per run P10-P90"), check.out());
    }

    @Test
    void aBadLogExitsTwoNamingFileAndLine() throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "start_s,latency_ms\n0.1,2\n0.2,abc\n");
        Path fragment = dir.resolve("never.yaml");
        Cli c = Cli.run("calibrate", "--low", bad.toString(), "--capacity-tps", "400", "--out", fragment.toString());
        assertEquals(2, c.status());
        assertEquals("capsim: " + bad + ":3: 'abc' is not a number", c.err().strip());
        assertFalse(Files.exists(fragment));
        Path empty = dir.resolve("empty.log");
        Files.writeString(empty, "");
        c = Cli.run("calibrate", "--low", empty.toString(), "--capacity-tps", "400", "--out", fragment.toString());
        assertEquals(2, c.status());
        assertTrue(c.err().contains(empty + ": empty log"), c.err());
    }
}
