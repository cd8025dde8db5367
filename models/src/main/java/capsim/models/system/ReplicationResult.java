package capsim.models.system;

import capsim.engine.stats.LatencyRecorder;
import capsim.models.cost.TierUsage;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one replication of a model measured (after warm-up, over {@code measuredS} seconds).
 * Maps keep the model file's order. {@code usage} is what each tier is billed for.
 */
public record ReplicationResult(
        int replication,
        double measuredS,
        Map<String, ClassResult> classes,
        Map<String, TierResult> tiers,
        Optional<WebSocketResult> websocket,
        List<WindowRow> windows,
        long events,
        double wallS,
        double windowS,
        Map<String, TierUsage> usage) {

    /** A result without billing usage. */
    public ReplicationResult(int replication, double measuredS, Map<String, ClassResult> classes,
                             Map<String, TierResult> tiers, Optional<WebSocketResult> websocket,
                             List<WindowRow> windows, long events, double wallS, double windowS) {
        this(replication, measuredS, classes, tiers, websocket, windows, events, wallS, windowS, Map.of());
    }

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

    /**
     * One time-series window starting at {@code startS}: per class (count, errors, mean and p99
     * ms), per tier (visit p99 ms, utilisation, mean nodes in service) and the WebSocket
     * delivery p99 (0 without WebSocket load).
     */
    public record WindowRow(double startS, Map<String, WindowClass> classes, Map<String, Double> tierP99Ms,
                            Map<String, Double> tierUtilization, Map<String, Double> tierNodes,
                            double websocketP99Ms) {
    }

    /** A class's numbers in one window: completed requests, failed ones, mean and p99 latency. */
    public record WindowClass(long count, long errors, double meanMs, double p99Ms) {
    }
}
