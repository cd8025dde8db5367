package capsim.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import capsim.experiments.Fixtures;
import capsim.models.spec.ModelSpec;
import capsim.models.system.ReplicationResult;
import capsim.models.system.ReplicationResult.WindowClass;
import capsim.models.system.ReplicationResult.WindowRow;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TimeSeriesCsvTest {

    @Test
    void oneRowPerReplicationWindowAndClassWithTierAndWebSocketColumns() throws IOException {
        ModelSpec spec = Fixtures.model(true, Optional.empty(), List.of());
        WindowRow w0 = new WindowRow(0, Map.of("api", new WindowClass(120, 1, 12.34567, 80.5)),
                Map.of("app", 9.5, "db", 4.25, "ws", 0.1), Map.of("app", 0.4, "db", 0.123456789, "ws", 0.01),
                Map.of("app", 2.0, "db", 1.0, "ws", 1.0), 35.5);
        WindowRow w1 = new WindowRow(60, Map.of(), Map.of("app", 1.0), Map.of("app", 0.5), Map.of("app", 2.5), 0);
        ReplicationResult r = new ReplicationResult(3, 120, Map.of(), Map.of(), Optional.empty(), List.of(w0, w1),
                0, 60);
        StringWriter out = new StringWriter();

        TimeSeriesCsv.write(out, spec, List.of(r));

        assertEquals("""
                replication,window_start_s,class,count,errors,mean_ms,p99_ms,util_app,nodes_app,p99_ms_app,\
                util_db,nodes_db,p99_ms_db,util_ws,nodes_ws,p99_ms_ws,ws_p99_ms
                3,0,api,120,1,12.3457,80.5,0.4,2,9.5,0.123457,1,4.25,0.01,1,0.1,35.5
                3,60,api,0,0,0,0,0.5,2.5,1,,,,,,,0
                """, out.toString());
    }
}
