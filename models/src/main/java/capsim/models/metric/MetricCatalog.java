package capsim.models.metric;

import capsim.models.metric.Metric.Better;
import capsim.models.spec.ClassSpec;
import capsim.models.spec.ModelSpec;
import capsim.models.spec.RegionsSpec;
import capsim.models.spec.TierSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every number of summary.json a user can name for one model, declared once: the summary's
 * paths, their units, their better direction and their intervals (see {@link Metric}). SLO
 * binding, the SLO verdicts, the gate, comparisons and sweeps read this catalog instead of
 * parsing paths themselves. The order is the summary's: classes, tiers, WebSocket, uptime, cost.
 */
public final class MetricCatalog {
    /** The statistics of a latency block, in its order. */
    public static final List<String> LATENCY_STATS = List.of("count", "mean", "p50", "p90", "p95", "p99", "p999",
            "max");
    static final String MS = "ms";
    static final String RATIO = "ratio";
    static final String REQUESTS = "requests";

    private final Map<String, Metric> metrics = new LinkedHashMap<>();

    private MetricCatalog() {
    }

    /** The metrics of {@code model}. */
    public static MetricCatalog of(ModelSpec model) {
        return of(model.workload().classes(), model.tiers(), model.workload().websocket().isPresent(),
                model.currency().isPresent(), model.network().regions());
    }

    /**
     * The metrics of a model with these {@code classes} and {@code tiers}, with or without
     * WebSocket load and a local currency, and with these {@code regions}.
     */
    public static MetricCatalog of(List<ClassSpec> classes, List<TierSpec> tiers, boolean websocket, boolean currency,
                                   RegionsSpec regions) {
        return of(classes.stream().map(ClassSpec::name).toList(), tiers.stream().map(TierSpec::name).toList(),
                regions.regions().stream().map(RegionsSpec.Region::name).toList(), websocket, currency);
    }

    /**
     * The metric at {@code path} as any model would declare it, read from the path alone: its
     * class, tier or region name is taken from the path. For a summary read without its model
     * (the gate, a comparison); empty when no model's summary names such a number.
     */
    public static Optional<Metric> describe(String path) {
        String[] parts = path.split("\\.");
        List<String> classes = parts.length > 1 && parts[0].equals("classes") ? List.of(parts[1]) : List.of();
        List<String> tiers = parts.length > 1 && parts[0].equals("tiers") ? List.of(parts[1]) : List.of();
        List<String> regions = parts.length > 3 && parts[2].equals("by_region") ? List.of(parts[3]) : List.of();
        return of(classes, tiers, regions, true, true).find(path);
    }

    /**
     * Whether less of the metric at {@code path} is better, as {@link #describe(String)} declares
     * it; {@code otherwise} when it declares no direction for it (an unknown path, or a count of
     * what was offered, where the caller's SLO operator decides).
     */
    public static boolean lowerIsBetter(String path, boolean otherwise) {
        Better better = describe(path).map(Metric::better).orElse(Better.NEITHER);
        return better == Better.NEITHER ? otherwise : better == Better.LOWER;
    }

    private static MetricCatalog of(List<String> classes, List<String> tiers, List<String> regions, boolean websocket,
                                    boolean currency) {
        MetricCatalog c = new MetricCatalog();
        for (String k : classes) {
            String prefix = "classes." + k + ".";
            c.latency(prefix + "latency_ms");
            regions.forEach(r -> c.latency(prefix + "by_region." + r + ".latency_ms"));
            c.add(prefix + "throughput_per_s", "requests/s", Better.HIGHER);
            c.add(prefix + "error_ratio", RATIO, Better.LOWER);
            c.add(prefix + "arrived", REQUESTS, Better.NEITHER);
            c.add(prefix + "completed", REQUESTS, Better.HIGHER);
            c.add(prefix + "rejected", REQUESTS, Better.LOWER);
            c.add(prefix + "timed_out", REQUESTS, Better.LOWER);
            c.add(prefix + "unfinished", REQUESTS, Better.LOWER);
        }
        for (String t : tiers) {
            String prefix = "tiers." + t + ".";
            c.latency(prefix + "latency_ms");
            c.add(prefix + "utilization", RATIO, Better.LOWER);
            c.add(prefix + "offered_utilization", RATIO, Better.LOWER);
            List.of("min", "mean", "max").forEach(stat -> c.add(prefix + "nodes." + stat, "nodes", Better.LOWER));
            c.add(prefix + "rejected", "visits", Better.LOWER);
            c.add(prefix + "timed_out", "visits", Better.LOWER);
        }
        if (websocket) {
            c.latency("websocket.delivery_ms");
            c.add("websocket.messages", "messages", Better.NEITHER);
            c.add("websocket.connections_refused", "connections", Better.LOWER);
            c.add("websocket.arrived", "messages", Better.NEITHER);
            c.add("websocket.delivered", "messages", Better.HIGHER);
            c.add("websocket.dropped", "messages", Better.LOWER);
            c.add("websocket.unfinished", "messages", Better.LOWER);
            c.add("websocket.failed_deliveries", "copies", Better.LOWER);
        }
        c.metrics.put("uptime.ratio", new Metric("uptime.ratio", RATIO, Better.HIGHER, Optional.of("uptime.ci95")));
        c.metrics.put("uptime.availability", new Metric("uptime.availability", RATIO, Better.HIGHER,
                Optional.of("uptime.availability_ci95")));
        c.add("uptime.downtime_min_per_month", "min/month", Better.LOWER);
        c.add("cost.monthly_usd", "USD/month", Better.LOWER);
        if (currency) {
            c.add("cost.monthly_local", "local currency/month", Better.LOWER);
        }
        return c;
    }

    private void latency(String block) {
        for (String stat : LATENCY_STATS) {
            String path = block + "." + stat;
            if (stat.equals("count")) {
                add(path, REQUESTS, Better.NEITHER);
            } else if (stat.equals("p99")) {
                metrics.put(path, new Metric(path, MS, Better.LOWER, Optional.of(block + ".p99_ci95")));
            } else {
                add(path, MS, Better.LOWER);
            }
        }
    }

    private void add(String path, String unit, Better better) {
        metrics.put(path, new Metric(path, unit, better));
    }

    /** The metric at {@code path}; empty when the summary names no such number. */
    public Optional<Metric> find(String path) {
        return Optional.ofNullable(metrics.get(path));
    }

    /** Every metric, in the summary's order. */
    public List<Metric> all() {
        return List.copyOf(metrics.values());
    }

    /** Every metric's path, in the summary's order. */
    public List<String> paths() {
        return new ArrayList<>(metrics.keySet());
    }
}
