package capsim.experiments.summary;

import capsim.engine.stats.LatencySummary;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The latency block of summary.json, from a {@link LatencySummary} (see
 * {@link LatencySummary#merge}: merged histograms of all replications, exact mean, Student-t
 * interval of the per-replication p99s).
 */
public final class LatencyBlock {
    private LatencyBlock() {
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
