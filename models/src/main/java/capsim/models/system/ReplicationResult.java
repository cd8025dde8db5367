package capsim.models.system;

import capsim.engine.stats.LatencyRecorder;
import capsim.models.cost.TierUsage;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one replication of a model measured (after warm-up, over {@code measuredS} seconds).
 * Maps keep the model file's order. {@code usage} is what each tier is billed for.
 * {@code scenarios} holds the windows of the failure scenarios run after the measured period for
 * the uptime estimate (one per failure mode; empty without any); {@code events} counts both.
 * {@code sampling} tells, per tier, how many nodes were in service and how many of them were
 * simulated (docs/fidelity.md). {@code windows} are the uptime windows ({@code windowS} long) and
 * {@code series} the time-series windows ({@code run.window_s} long; the same list when the two
 * lengths agree).
 */
public record ReplicationResult(
        int replication,
        double measuredS,
        Map<String, ClassResult> classes,
        Map<String, TierResult> tiers,
        Optional<WebSocketResult> websocket,
        List<WindowRow> windows,
        long events,
        double windowS,
        Map<String, TierUsage> usage,
        List<ScenarioResult> scenarios,
        Map<String, Sampling> sampling,
        List<WindowRow> series) {

    /** A result without billing usage or failure scenarios. */
    public ReplicationResult(int replication, double measuredS, Map<String, ClassResult> classes,
                             Map<String, TierResult> tiers, Optional<WebSocketResult> websocket,
                             List<WindowRow> windows, long events, double windowS) {
        this(replication, measuredS, classes, tiers, websocket, windows, events, windowS, Map.of(), List.of());
    }

    /** A result without failure scenarios. */
    public ReplicationResult(int replication, double measuredS, Map<String, ClassResult> classes,
                             Map<String, TierResult> tiers, Optional<WebSocketResult> websocket,
                             List<WindowRow> windows, long events, double windowS,
                             Map<String, TierUsage> usage) {
        this(replication, measuredS, classes, tiers, websocket, windows, events, windowS, usage, List.of());
    }

    /** A result whose tiers were all simulated in full (no sampling figures). */
    public ReplicationResult(int replication, double measuredS, Map<String, ClassResult> classes,
                             Map<String, TierResult> tiers, Optional<WebSocketResult> websocket,
                             List<WindowRow> windows, long events, double windowS,
                             Map<String, TierUsage> usage, List<ScenarioResult> scenarios) {
        this(replication, measuredS, classes, tiers, websocket, windows, events, windowS, usage, scenarios, Map.of());
    }

    /** A result whose time-series windows are its uptime windows. */
    public ReplicationResult(int replication, double measuredS, Map<String, ClassResult> classes,
                             Map<String, TierResult> tiers, Optional<WebSocketResult> websocket,
                             List<WindowRow> windows, long events, double windowS,
                             Map<String, TierUsage> usage, List<ScenarioResult> scenarios,
                             Map<String, Sampling> sampling) {
        this(replication, measuredS, classes, tiers, websocket, windows, events, windowS, usage, scenarios, sampling,
                windows);
    }

    public ReplicationResult {
        scenarios = List.copyOf(scenarios);
    }

    /** This replication with {@code added} scenarios, which took {@code scenarioEvents} more events to simulate. */
    public ReplicationResult withScenarios(List<ScenarioResult> added, long scenarioEvents) {
        return new ReplicationResult(replication, measuredS, classes, tiers, websocket, windows,
                events + scenarioEvents, windowS, usage, added, sampling, series);
    }

    /** A tier's nodes in service and simulated nodes in service, time-averaged over the measured period. */
    public record Sampling(double nodes, double simulated) {
    }

    /**
     * One failure scenario: failures of mode {@code name} start at the long-run rate
     * {@code ratePerS}; {@code windows} are the windows one such failure touched, from the one it
     * struck in to the end of its effect (and one window past it when a backlog may be left), each
     * standing for {@code weights} windows of the real failure (more than 1 for the steady windows
     * of a long outage simulated shorter); {@code downWindows} more windows of the failure were
     * not simulated because they are down for certain (a class fails far more requests than it may).
     */
    public record ScenarioResult(String name, double ratePerS, List<WindowRow> windows, List<Double> weights,
                                 double downWindows) {
        public ScenarioResult {
            windows = List.copyOf(windows);
            weights = List.copyOf(weights);
            if (weights.size() != windows.size()) {
                throw new IllegalArgumentException(windows.size() + " windows but " + weights.size() + " weights");
            }
        }

        /** A scenario whose windows were all simulated. */
        public ScenarioResult(String name, double ratePerS, List<WindowRow> windows, List<Double> weights) {
            this(name, ratePerS, windows, weights, 0);
        }

        /** A scenario whose windows were all simulated, each standing for one window. */
        public ScenarioResult(String name, double ratePerS, List<WindowRow> windows) {
            this(name, ratePerS, windows, java.util.Collections.nCopies(windows.size(), 1.0));
        }

        /** Windows the failure touched: the simulated ones with their weights, plus the certain ones. */
        public double touchedWindows() {
            return weights.stream().mapToDouble(Double::doubleValue).sum() + downWindows;
        }
    }

    /**
     * End-to-end results of one request class: {@code arrived} = {@code completed} + {@code rejected}
     * + {@code timedOut} + {@code unfinished} (still in the system when the period stopped, recorded
     * in {@code latency} at their age then); {@code latencyByRegion} by the region its requests
     * started in (empty without regions).
     */
    public record ClassResult(LatencyRecorder latency, long arrived, long completed, long rejected, long timedOut,
                              long unfinished, Map<String, LatencyRecorder> latencyByRegion) {
        /** A class of a model without regions. */
        public ClassResult(LatencyRecorder latency, long arrived, long completed, long rejected, long timedOut,
                           long unfinished) {
            this(latency, arrived, completed, rejected, timedOut, unfinished, Map.of());
        }

        public double throughputPerS(double measuredS) {
            return completed / measuredS;
        }

        /** Requests that did not complete (rejected, timed out or unfinished) / arrived requests. */
        public double errorRatio() {
            return arrived == 0 ? 0 : (double) (rejected + timedOut + unfinished) / arrived;
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

    /**
     * WebSocket fan-out: per-recipient delivery latency, refused connections, messages published
     * and what became of them (messages = delivered + dropped + unfinished), and recipient copies lost.
     */
    public record WebSocketResult(LatencyRecorder delivery, long connectionsRefused, long messages, long delivered,
                                  long dropped, long unfinished, long failedDeliveries) {
        /** A WebSocket load that published nothing. */
        public static WebSocketResult empty() {
            return new WebSocketResult(new LatencyRecorder(), 0, 0, 0, 0, 0, 0);
        }
    }

    /**
     * One time-series window starting at {@code startS}: per class (count, errors, mean and p99
     * ms), per tier (visit p99 ms, utilisation, mean nodes in service, offered load), per
     * autoscaled tier (mean desired capacity, mean booting nodes), per tier of burstable nodes
     * (mean CPU credits per node) and the WebSocket delivery p99 (0 without WebSocket load).
     */
    public record WindowRow(double startS, Map<String, WindowClass> classes, Map<String, Double> tierP99Ms,
                            Map<String, Double> tierUtilization, Map<String, Double> tierNodes,
                            double websocketP99Ms, Map<String, Double> tierOffered,
                            Map<String, Double> tierDesired, Map<String, Double> tierBooting,
                            Map<String, Double> tierCredits) {
        /** A window without credit balances. */
        public WindowRow(double startS, Map<String, WindowClass> classes, Map<String, Double> tierP99Ms,
                         Map<String, Double> tierUtilization, Map<String, Double> tierNodes, double websocketP99Ms,
                         Map<String, Double> tierOffered, Map<String, Double> tierDesired,
                         Map<String, Double> tierBooting) {
            this(startS, classes, tierP99Ms, tierUtilization, tierNodes, websocketP99Ms, tierOffered, tierDesired,
                    tierBooting, Map.of());
        }

        /** A window without offered load, desired or booting nodes. */
        public WindowRow(double startS, Map<String, WindowClass> classes, Map<String, Double> tierP99Ms,
                         Map<String, Double> tierUtilization, Map<String, Double> tierNodes, double websocketP99Ms) {
            this(startS, classes, tierP99Ms, tierUtilization, tierNodes, websocketP99Ms, Map.of(), Map.of(), Map.of());
        }
    }

    /**
     * A class's numbers in one window, each request counted in the window it arrived in whenever it
     * finished: completed requests, failed or unfinished ones, mean and p99 latency, requests that
     * arrived, p50 and p95 latency.
     */
    public record WindowClass(long count, long errors, double meanMs, double p99Ms, long arrived, double p50Ms,
                              double p95Ms) {
        /** A window without arrivals counted nor p50 and p95 taken. */
        public WindowClass(long count, long errors, double meanMs, double p99Ms) {
            this(count, errors, meanMs, p99Ms, 0, 0, 0);
        }
    }
}
