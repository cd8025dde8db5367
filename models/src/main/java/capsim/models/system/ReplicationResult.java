package capsim.models.system;

import capsim.engine.stats.LatencyRecorder;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one replication of a model measured (after warm-up, over {@code measuredS} seconds).
 * Maps keep the model file's order.
 */
public record ReplicationResult(
        int replication,
        double measuredS,
        Map<String, ClassResult> classes,
        Map<String, TierResult> tiers,
        Optional<WebSocketResult> websocket,
        List<WindowRow> windows,
        long events,
        double wallS) {

    /** End-to-end results of one request class. */
    public record ClassResult(LatencyRecorder latency, long arrived, long completed, long rejected, long timedOut) {
        public double throughputPerS(double measuredS) {
            return completed / measuredS;
        }

        public double errorRatio() {
            return arrived == 0 ? 0 : (double) (rejected + timedOut) / arrived;
        }
    }

    /**
     * One tier: per-visit latency, time-averaged utilisation (busy servers / servers), nodes in
     * service (min, time-weighted mean, max), and whether it saturated (offered utilisation >= 1
     * or work piled up without bound).
     */
    public record TierResult(LatencyRecorder latency, double utilization, double nodesMin, double nodesMean,
                             double nodesMax, double offeredUtilization, boolean saturated, long rejected,
                             long timedOut) {
    }

    /** WebSocket fan-out: per-recipient delivery latency, refused connections, messages published. */
    public record WebSocketResult(LatencyRecorder delivery, long connectionsRefused, long messages) {
    }

    /** One time-series window: per class (count, p99 ms) and per tier (utilisation, nodes). */
    public record WindowRow(double startS, Map<String, WindowClass> classes, Map<String, Double> tierUtilization,
                            Map<String, Double> tierNodes) {
    }

    /** A class's numbers in one window. */
    public record WindowClass(long count, double meanMs, double p99Ms) {
    }
}
