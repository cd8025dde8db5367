package capsim.models.period;

import capsim.models.tier.Horizon;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One measured period: its {@link Horizon} and the recorders of every tier, request class and
 * WebSocket load for it, by name in registration order. Nothing outside the period records here.
 */
public final class Period {
    /** The warm-up, measured only so that nothing of it leaks into the main run. */
    public static final String WARMUP = "warm-up";
    /** The main run: the normal state, without failures (unless failures come as they come). */
    public static final String MAIN = "main";
    /** The failure scenarios of the uptime estimate, run after the main period. */
    public static final String SCENARIOS = "failure scenarios";

    private final String name;
    private final Horizon horizon;
    private final Map<String, TierRecorder> tiers = new LinkedHashMap<>();
    private final Map<String, ClassRecorder> classes = new LinkedHashMap<>();
    private WebSocketRecorder websocket;

    public Period(String name, Horizon horizon) {
        this.name = name;
        this.horizon = horizon;
    }

    public String name() {
        return name;
    }

    public Horizon horizon() {
        return horizon;
    }

    TierRecorder addTier(String tier, int workers) {
        TierRecorder r = new TierRecorder(horizon, workers);
        tiers.put(tier, r);
        return r;
    }

    ClassRecorder addClass(String requestClass, List<String> regions) {
        ClassRecorder r = new ClassRecorder(horizon, regions);
        classes.put(requestClass, r);
        return r;
    }

    WebSocketRecorder addWebSocket() {
        websocket = new WebSocketRecorder(horizon);
        return websocket;
    }

    /** Tier recorders by tier name. */
    public Map<String, TierRecorder> tiers() {
        return Collections.unmodifiableMap(tiers);
    }

    public TierRecorder tier(String tier) {
        return tiers.get(tier);
    }

    /** Request class recorders by class name. */
    public Map<String, ClassRecorder> classes() {
        return Collections.unmodifiableMap(classes);
    }

    public ClassRecorder requestClass(String requestClass) {
        return classes.get(requestClass);
    }

    /** The WebSocket load's recorder; empty without WebSocket load. */
    public Optional<WebSocketRecorder> websocket() {
        return Optional.ofNullable(websocket);
    }

    /** Stops the period at {@code nowS}, after its last window closed: its class and message figures freeze. */
    void stop(double nowS) {
        classes.values().forEach(c -> c.stop(nowS));
        if (websocket != null) {
            websocket.stop();
        }
    }

    /**
     * Closes uptime window {@code i} of every windowed recorder at {@code nowS}: a tier's or the
     * WebSocket load's window takes what was recorded since the previous close; a class's window
     * ends (its requests count in it whenever they finish).
     */
    void closeWindow(int i, double nowS) {
        classes.values().forEach(c -> c.uptimeWindowEnded(i, nowS));
        tiers.values().forEach(t -> t.latencyWindows().close(i));
        if (websocket != null) {
            websocket.windows().close(i);
        }
    }

    /** As {@link #closeWindow}, for time-series window {@code i}, when they are kept apart from the uptime's. */
    void closeSeriesWindow(int i, double nowS) {
        classes.values().forEach(c -> c.seriesWindowEnded(i, nowS));
        tiers.values().forEach(t -> t.seriesWindows().latency().close(i));
        if (websocket != null) {
            websocket.seriesWindows().close(i);
        }
    }
}
