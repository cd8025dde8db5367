package capsim.experiments.summary;

import capsim.engine.stats.LatencyRecorder;
import capsim.engine.stats.LatencySummary;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The latency block of summary.json: percentiles of the HdrHistograms of all replications
 * added together (HdrHistogram {@code add}: merging histograms is exact), the exact mean, and
 * the 95% Student-t interval of the per-replication p99s (replications that recorded nothing
 * are left out; the lower bound is clamped at 0, a latency cannot be negative).
 */
public final class LatencyBlock {
    private LatencyBlock() {
    }

    /** Merges one recorder per replication into a latency summary, ms. */
    public static LatencySummary merge(List<LatencyRecorder> perReplication) {
        LatencyRecorder all = new LatencyRecorder();
        perReplication.forEach(all::add);
        if (all.count() == 0) {
            return LatencySummary.EMPTY;
        }
        double[] p99s = perReplication.stream().filter(r -> r.count() > 0).mapToDouble(r -> r.percentileMs(99))
                .toArray();
        StudentTInterval ci = StudentTInterval.ci95(p99s);
        return new LatencySummary(all.count(), all.meanMs(), all.percentileMs(50), all.percentileMs(90),
                all.percentileMs(95), all.percentileMs(99), all.percentileMs(99.9), all.maxMs(),
                Math.max(0, ci.lo()), ci.hi());
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
