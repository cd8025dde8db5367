package capsim.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import capsim.models.catalog.Catalog;
import capsim.models.catalog.NodeType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code capsim catalog} lists every node type; bad node-speed keys are invalid input (exit 2). */
class NodeSpeedCliTest {
    private final Catalog catalog = Catalog.builtIn();

    @Test
    void catalogListsEveryTypeWithItsNumbersAndSources() {
        Cli cli = Cli.run("catalog");

        assertEquals(0, cli.status());
        assertEquals("", cli.err());
        List<String> lines = cli.out().lines().toList();
        assertTrue(lines.get(0).startsWith(catalog.names().size() + " node types."), lines.get(0));
        for (NodeType t : catalog.types()) {
            String row = lines.stream().filter(l -> l.startsWith(t.name() + " ")).findFirst()
                    .orElseThrow(() -> new AssertionError("no row for " + t.name()));
            assertTrue(row.matches(".*\\s" + t.provider() + "\\s+" + t.vcpu() + "\\s.*"), row);
            assertTrue(cli.out().contains("    price: " + t.source() + "\n"), t.name());
            assertTrue(cli.out().contains("    speed: " + t.speedSource() + "\n"), t.name());
        }
        // c6i: Ice Lake 3.5 GHz / m5's 3.1 GHz = 1.129; t3.large carries its credits
        assertTrue(row(lines, "c6i.large").matches("c6i\\.large\\s+aws\\s+2\\s+4\\s+0\\.085\\s+1\\.129"),
                row(lines, "c6i.large"));
        assertTrue(row(lines, "m5.large").contains(" 1.000"), row(lines, "m5.large"));
        assertTrue(row(lines, "t3.large").endsWith("1.000  36/h, baseline 30%, max 864, surplus $0.05/vCPU-h"),
                row(lines, "t3.large"));
    }

    private static String row(List<String> lines, String type) {
        return lines.stream().filter(l -> l.startsWith(type + " ")).findFirst().orElseThrow();
    }

    @Test
    void catalogAsJsonHasEveryFieldOfEveryType() throws Exception {
        Cli cli = Cli.run("catalog", "--format", "json");

        assertEquals(0, cli.status());
        JsonNode root = new ObjectMapper().readTree(cli.out());
        assertEquals("m5.large", root.path("reference").path("type").asText());
        assertEquals(3.1, root.path("reference").path("all_core_ghz").asDouble());
        assertEquals(catalog.names().size(), root.path("types").size());
        for (JsonNode n : root.path("types")) {
            NodeType t = catalog.find(n.path("name").asText()).orElseThrow();
            assertEquals(t.provider(), n.path("provider").asText());
            assertEquals(t.vcpu(), n.path("vcpu").asInt());
            assertEquals(t.memoryGb(), n.path("memory_gb").asDouble());
            assertEquals(t.hourlyUsd(), n.path("hourly_usd").asDouble());
            assertEquals(t.cpuSpeed(), n.path("cpu_speed").asDouble());
            assertEquals(t.credits().isPresent(), n.path("credits").isObject(), t.name());
            assertEquals(t.source(), n.path("source").asText());
            assertEquals(t.speedSource(), n.path("speed_source").asText());
        }
        JsonNode c5 = root.path("types").findParents("name").stream()
                .filter(n -> n.path("name").asText().equals("c5.large")).findFirst().orElseThrow();
        assertEquals(3.4 / 3.1, c5.path("cpu_speed").asDouble(), 1e-15);
    }

    @Test
    void anUnknownFormatIsAUsageError() {
        Cli cli = Cli.run("catalog", "--format", "xml");

        assertEquals(2, cli.status());
        assertTrue(cli.err().startsWith("capsim: Invalid value for option '--format'"), cli.err());
    }

    @Test
    void badSpeedKeysAreInvalidInputNamingFileLineAndKey(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("bad.yaml");
        Files.writeString(model, """
                name: bad
                workload:
                  classes:
                    - name: api
                      rate_per_s: 10
                      steps:
                        - {tier: app, service_ms: {dist: exponential, mean: 5}, measured_on: m9.huge}
                tiers:
                  - {name: app, node: m5.large, count: 1, cpu_speed: 0}
                """);
        Cli cli = Cli.run("validate", model.toString());

        assertEquals(2, cli.status());
        assertEquals("", cli.out());
        List<String> errors = cli.errLines();
        assertTrue(errors.stream().anyMatch(l -> l.startsWith(model + ":7:")
                && l.contains("workload.classes[0].steps[0].measured_on: unknown node type 'm9.huge'")), cli.err());
        assertTrue(errors.stream().anyMatch(l -> l.startsWith(model + ":9:") && l.contains("tiers[0].cpu_speed:")),
                cli.err());
        assertTrue(errors.stream().noneMatch(l -> l.contains("Exception")), cli.err());
    }
}
