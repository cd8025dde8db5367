package capsim.experiments.summary;

import capsim.engine.stats.LatencyRecorder;
import capsim.engine.stats.LatencySummary;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The latency block of summary.json, from a {@link LatencySummary} (see
 * {@link LatencySummary#merge}: merged histograms of all replications, exact mean, Student-t
 * interval of the per-replication p99s).
 */
public final class LatencyBlock {
    private LatencyBlock() {
    }

    /**
     * The block of the replications' recorders {@code perReplication}, merged; {@code p99_ci95} is
     * null unless two or more of them recorded something (one replication gives no interval).
     */
    public static ObjectNode of(List<LatencyRecorder> perReplication) {
        ObjectNode block = toJson(LatencySummary.merge(perReplication));
        if (perReplication.stream().filter(r -> r.count() > 0).count() < 2) {
            block.putNull("p99_ci95");
        }
        return block;
    }

    /** The block as JSON: {count, mean, p50, p90, p95, p99, p999, max, p99_ci95: [lo, hi]}. */
    public static ObjectNode toJson(LatencySummary s) {
        ObjectNode block = JsonNodeFactory.instance.objectNode();
        block.put("count", s.count());
        block.put("mean", Round.to(s.mean(), Round.MS));
        block.put("p50", Round.to(s.p50(), Round.MS));
        block.put("p90", Round.to(s.p90(), Round.MS));
        block.put("p95", Round.to(s.p95(), Round.MS));
        block.put("p99", Round.to(s.p99(), Round.MS));
        block.put("p999", Round.to(s.p999(), Round.MS));
        block.put("max", Round.to(s.max(), Round.MS));
        ArrayNode ci = block.putArray("p99_ci95");
        ci.add(Round.to(s.p99Ci95Lo(), Round.MS));
        ci.add(Round.to(s.p99Ci95Hi(), Round.MS));
        return block;
    }
}
