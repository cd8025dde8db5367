package capsim.models.period;

import capsim.engine.stats.LatencyRecorder;
import capsim.engine.stats.WindowedLatency;
import capsim.models.tier.Horizon;

/**
 * The WebSocket load in one period: the messages published in it and what became of each, and
 * the delivery latency of each recipient's copy that arrived by the period's stop (per window by
 * delivery time), or the copies that were lost. A message is delivered when every recipient got
 * its copy by the stop, dropped when a copy was lost (or no client was connected to receive it),
 * and unfinished when copies were still under way at the stop. At the stop ({@link #stop}) the
 * figures freeze, so that published = delivered + dropped + unfinished.
 */
public final class WebSocketRecorder {
    private final Horizon horizon;
    private final LatencyRecorder delivery = new LatencyRecorder();
    private final WindowedLatency windows;
    private final WindowedLatency series;
    private long messages;
    private long delivered;
    private long dropped;
    private long unfinished;
    private long failedDeliveries;
    private boolean stopped;

    WebSocketRecorder(Horizon horizon) {
        this.horizon = horizon;
        this.windows = new WindowedLatency(delivery, horizon.windows());
        this.series = horizon.separateSeries() ? new WindowedLatency(delivery, horizon.seriesWindows()) : windows;
    }

    /** A message was published: it is unfinished until it is delivered or dropped. */
    public void published() {
        if (!stopped) {
            messages++;
        }
    }

    /** True when a delivery at {@code timeS} is seen: by the period's stop. */
    public boolean delivers(double timeS) {
        return !stopped && horizon.finishesInRun(timeS);
    }

    /** One recipient got its copy {@code latencyS} after the publish. */
    public void delivered(double latencyS) {
        delivery.recordSeconds(latencyS);
    }

    /** {@code recipients} copies were lost. */
    public void failed(long recipients) {
        if (!stopped) {
            failedDeliveries += recipients;
        }
    }

    /**
     * A message published in this period is done: every copy delivered, or (when {@code lost})
     * some copy lost.
     */
    public void finished(boolean lost) {
        if (stopped) {
            return;
        }
        if (lost) {
            dropped++;
        } else {
            delivered++;
        }
    }

    /**
     * The period stops: every message published and neither delivered nor dropped is counted
     * unfinished; nothing is counted after this.
     */
    void stop() {
        unfinished = messages - delivered - dropped;
        stopped = true;
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

    /** Messages published in the period. */
    public long messages() {
        return messages;
    }

    /** Messages every recipient of which got its copy by the stop. */
    public long delivered() {
        return delivered;
    }

    /** Messages of which a copy was lost, or that no connected client could receive. */
    public long dropped() {
        return dropped;
    }

    /** Messages with copies still under way at the stop (0 before). */
    public long unfinished() {
        return unfinished;
    }

    /** Recipient copies lost. */
    public long failedDeliveries() {
        return failedDeliveries;
    }
}
