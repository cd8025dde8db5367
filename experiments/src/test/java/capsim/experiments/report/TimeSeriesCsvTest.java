package capsim.experiments.report;

import capsim.experiments.result.RunResult;
import capsim.experiments.result.RunResults;
import capsim.experiments.result.TimeSeries;
import capsim.experiments.result.Columns;
import capsim.experiments.result.ModelCopy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import capsim.experiments.Fixtures;
import capsim.models.spec.ModelSpec;
import capsim.models.system.ReplicationResult;
import capsim.models.system.ReplicationResult.ScenarioResult;
import capsim.models.system.ReplicationResult.WindowClass;
import capsim.models.system.ReplicationResult.WindowRow;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimeSeriesCsvTest {
    @TempDir
    Path dir;

    private static RunResult result() {
        ModelSpec spec = Fixtures.model(true, Optional.empty(), List.of());
        WindowRow w0 = new WindowRow(0, Map.of("api", new WindowClass(120, 1, 12.34567, 80.5, 125, 10.5, 60.25)),
                Map.of("app", 9.5, "db", 4.25, "ws", 0.1), Map.of("app", 0.4, "db", 0.123456789, "ws", 0.01),
                Map.of("app", 2.0, "db", 1.0, "ws", 1.0), 35.5, Map.of("app", 0.45, "db", 0.2, "ws", 0.02), Map.of(),
                Map.of());
        WindowRow w1 = new WindowRow(60, Map.of(), Map.of("app", 1.0), Map.of("app", 0.5), Map.of("app", 2.5), 0);
        ScenarioResult zone = new ScenarioResult("zone down: a, b", 1e-6, List.of(w1));
        ReplicationResult r = new ReplicationResult(3, 120, Map.of(), Map.of(), Optional.empty(), List.of(w0, w1),
                0, 60).withScenarios(List.of(zone), 0);
        return RunResults.of(spec, JsonNodeFactory.instance.objectNode(), List.of(r), ModelCopy.none());
    }

    @Test
    void oneRowPerReplicationAndWindowWithClassTierAndWebSocketColumns() throws IOException {
        StringWriter out = new StringWriter();

        TimeSeriesCsv.write(out, result().series(), false);

        // a class absent from a window completed nothing; a tier absent from it has empty cells
        assertEquals("""
                replication,window_start_s,class.api.arrived,class.api.completed,class.api.errors,class.api.mean_ms,\
                class.api.p50_ms,class.api.p95_ms,class.api.p99_ms,tier.app.utilization,tier.app.nodes,tier.app.p99_ms,\
                tier.app.offered,tier.db.utilization,tier.db.nodes,tier.db.p99_ms,tier.db.offered,\
                tier.ws.utilization,tier.ws.nodes,tier.ws.p99_ms,tier.ws.offered,websocket.delivery_p99_ms
                3,0,125,120,1,12.3457,10.5,60.25,80.5,0.4,2,9.5,0.45,0.123457,1,4.25,0.2,0.01,1,0.1,0.02,35.5
                3,60,0,0,0,0,0,0,0,0.5,2.5,1,,,,,,,,,,0
                """, out.toString());
    }

    @Test
    void scenarioWindowsNameTheirScenarioQuotedWhereItHoldsAComma() throws IOException {
        StringWriter out = new StringWriter();

        TimeSeriesCsv.write(out, result().scenarios(), true);

        assertEquals("3,60,0,0,0,0,0,0,0,0.5,2.5,1,,,,,,,,,,0", out.toString().lines().toList().get(1)
                .substring("\"zone down: a, b\",".length()));
        assertEquals("\"zone down: a, b\"", out.toString().lines().toList().get(1).substring(0, 17));
    }

    @Test
    void readingBackGivesTheWrittenWindows() throws IOException {
        for (boolean scenarios : List.of(false, true)) {
            TimeSeries written = scenarios ? result().scenarios() : result().series();
            Path file = dir.resolve("t" + scenarios + ".csv");
            AtomicFiles.write(file, out -> TimeSeriesCsv.write(out, written, scenarios));

            TimeSeries read = TimeSeriesCsv.read(file);

            assertEquals(written.columns(), read.columns());
            assertEquals(written.windows().size(), read.windows().size());
            for (int i = 0; i < read.windows().size(); i++) {
                TimeSeries.Window a = written.windows().get(i);
                TimeSeries.Window b = read.windows().get(i);
                assertEquals(a.scenario(), b.scenario());
                assertEquals(a.replication(), b.replication());
                assertEquals(a.startS(), b.startS());
                for (int c = 0; c < a.values().length; c++) {
                    // rounded to 6 decimals (4 for ms): off by half the last kept digit at most
                    String column = read.columns().get(c);
                    assertEquals(a.values()[c], b.values()[c], 0.5 * Math.pow(10, -Columns.decimals(column)) + 1e-12,
                            column);
                }
            }
            StringWriter again = new StringWriter();
            TimeSeriesCsv.write(again, read, scenarios);
            assertEquals(Files.readString(file), again.toString());
        }
    }

    @Test
    void acrossReplicationsGivesMinMeanMaxPerWindow() {
        TimeSeries s = new TimeSeries(List.of("x"), List.of(
                new TimeSeries.Window("", 0, 0, new double[] {1}), new TimeSeries.Window("", 0, 10, new double[] {5}),
                new TimeSeries.Window("", 1, 0, new double[] {3}),
                new TimeSeries.Window("", 1, 10, new double[] {Double.NaN})));

        double[][] band = s.acrossReplications("x");

        assertArrayEquals(new double[] {0, 10}, s.startTimes());
        assertArrayEquals(new double[] {1, 2, 3}, band[0]);
        assertArrayEquals(new double[] {5, 5, 5}, band[1]);
    }
}
