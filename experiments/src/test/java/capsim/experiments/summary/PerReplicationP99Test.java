package capsim.experiments.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import capsim.engine.stats.LatencyRecorder;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerReplicationP99Test {
    @Test
    void spreadOfTheReplicationsOwnP99ByNearestRank() {
        // replication i records one request of i ms (its p99 is i ms), i = 1..10, plus one empty
        // replication that is left out: P10 = the 1st of 10 = 1 ms, P90 = the 9th = 9 ms
        List<LatencyRecorder> recorders = new ArrayList<>();
        for (int i = 10; i >= 1; i--) {
            LatencyRecorder r = new LatencyRecorder();
            r.recordSeconds(i / 1000.0);
            recorders.add(r);
        }
        recorders.add(new LatencyRecorder());
        ObjectNode n = SummaryBuilder.perReplicationP99(recorders);
        assertEquals(1, n.get("p10").asDouble(), 1e-3);
        assertEquals(9, n.get("p90").asDouble(), 9e-3);
        assertEquals(1, n.get("min").asDouble(), 1e-3);
        assertEquals(10, n.get("max").asDouble(), 1e-2);
    }
}
