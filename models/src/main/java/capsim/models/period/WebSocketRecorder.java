package capsim.models.period;

import capsim.engine.stats.LatencyRecorder;
import capsim.engine.stats.WindowedLatency;
import capsim.models.tier.Horizon;

/**
 * The WebSocket load in one period: messages published in it, and the delivery latency of each
 * recipient's copy that arrived by the period's stop (per window by delivery time), or the
 * deliveries that failed.
 */
public final class WebSocketRecorder {
    private final Horizon horizon;
    private final LatencyRecorder delivery = new LatencyRecorder();
    private final WindowedLatency windows;
    private final WindowedLatency series;
    private long messages;
    private long failedDeliveries;

    WebSocketRecorder(Horizon horizon) {
        this.horizon = horizon;
        this.windows = new WindowedLatency(delivery, horizon.windows());
        this.series = horizon.separateSeries() ? new WindowedLatency(delivery, horizon.seriesWindows()) : windows;
    }

    /** A message was published. */
    public void published() {
        messages++;
    }

    /** True when a delivery at {@code timeS} is seen: by the period's stop. */
    public boolean delivers(double timeS) {
        return horizon.finishesInRun(timeS);
    }

    /** One recipient got its copy {@code latencyS} after the publish. */
    public void delivered(double latencyS) {
        delivery.recordSeconds(latencyS);
    }

    /** {@code recipients} copies were lost. */
    public void failed(long recipients) {
        failedDeliveries += recipients;
    }

    public LatencyRecorder delivery() {
        return delivery;
    }

    /** Delivery latency per uptime window, by the time it was recorded. */
    public WindowedLatency windows() {
        return windows;
    }

    /** Delivery latency per time-series window (the uptime windows' own when the lengths agree). */
    public WindowedLatency seriesWindows() {
        return series;
    }

    public long messages() {
        return messages;
    }

    public long failedDeliveries() {
        return failedDeliveries;
    }
}
