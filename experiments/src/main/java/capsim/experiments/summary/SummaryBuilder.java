package capsim.experiments.summary;

import capsim.engine.stats.LatencyRecorder;
import capsim.engine.stats.LatencySummary;
import capsim.models.catalog.Catalog;
import capsim.models.load.ModelError;
import capsim.models.metric.MetricCatalog;
import capsim.models.spec.ClassSpec;
import capsim.models.spec.ModelSpec;
import capsim.models.spec.TierSpec;
import capsim.models.system.OfferedLoad;
import capsim.models.system.OfferedLoad.TierLoad;
import capsim.models.system.ReplicationResult;
import capsim.models.system.ReplicationResult.ClassResult;
import capsim.models.system.ReplicationResult.TierResult;
import capsim.models.system.ReplicationResult.WebSocketResult;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Merges the replications of one run into the summary.json tree (CONTRACT.md section 3):
 * latency blocks from the added histograms, means over replications of throughput,
 * utilisation and nodes, pooled error ratios, SLO verdicts, uptime, cost and engine counters.
 * Adds {@code classes.NAME.arrived/completed/rejected/timed_out/unfinished} (arrived = completed +
 * rejected + timed out + unfinished; the error ratio counts all but the completed) (and
 * {@code by_region.REGION.latency_ms}
 * with regions), {@code tiers.NAME.offered_utilization
 * /saturated/credits}, the bill's breakdown under {@code cost} (see {@link CostSummary}) and
 * {@code notes}.
 */
public final class SummaryBuilder {
    /** Metrics under this prefix are estimated over all replications together (see {@link Uptime}). */
    public static final String UPTIME_PREFIX = "uptime.";
    private final ModelSpec spec;
    private final Map<String, TierLoad> offered = new LinkedHashMap<>();
    private final Catalog catalog;

    /** A builder for {@code spec}, whose offered load is {@code offered} (see {@link OfferedLoad}). */
    public SummaryBuilder(ModelSpec spec, List<TierLoad> offered, Catalog catalog) {
        this.spec = spec;
        this.catalog = catalog;
        offered.forEach(load -> this.offered.put(load.tier(), load));
    }

    /** The summary of {@code results} (in replication order), which took {@code wallS} seconds to run. */
    public ObjectNode build(List<ReplicationResult> results, double wallS) {
        ObjectNode root = measures(results, wallS);
        List<ModelError> errors = SloEvaluator.check(spec, root);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("SLO metrics not in the summary: " + errors);
        }
        ArrayNode slo = (ArrayNode) root.get("slo");
        List<ObjectNode> alone = spec.slo().isEmpty() ? List.of()
                : results.stream().map(r -> measures(List.of(r), 0)).toList();
        SloEvaluator.evaluate(MetricCatalog.of(spec), spec.slo(), root, alone.size() >= 2 ? alone : List.of(),
                results.size()).forEach(v -> slo.add(v.toJson()));
        addPerReplication(slo, alone);
        return root;
    }

    /**
     * Gives each {@code slo[]} entry {@code per_replication}: its metric measured on each
     * replication alone, in replication order, the spread the gate tests a change against.
     * Uptime metrics have none: their failure modes strike in some replications only, so one
     * replication does not estimate them; {@code uptime.ci95} carries their spread.
     */
    private void addPerReplication(ArrayNode slo, List<ObjectNode> alone) {
        for (int i = 0; i < slo.size(); i++) {
            String metric = spec.slo().get(i).metric();
            if (metric.startsWith(UPTIME_PREFIX)) {
                continue;
            }
            ArrayNode values = ((ObjectNode) slo.get(i)).putArray("per_replication");
            alone.forEach(one -> values.add(MetricPath.number(one, metric).orElseThrow()));
        }
    }

    /** Problems with the SLO metric paths, found on the summary of an empty run (nothing is simulated). */
    public List<ModelError> checkSloMetrics() {
        return SloEvaluator.check(spec, measures(List.of(emptyReplication()), 0));
    }

    /** Why {@code metric} names no number of this model's summary (as {@link MetricPath#problem}); empty when it does. */
    public Optional<String> metricProblem(String metric) {
        return MetricPath.problem(measures(List.of(emptyReplication()), 0), metric);
    }

    private ObjectNode measures(List<ReplicationResult> results, double wallS) {
        List<String> notes = new ArrayList<>();
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("model", spec.name());
        ObjectNode run = root.putObject("run");
        run.put("duration_s", spec.run().durationS());
        run.put("warmup_s", spec.run().warmupS());
        run.put("replications", results.size());
        run.put("seed", spec.run().seed());
        ObjectNode classes = root.putObject("classes");
        for (ClassSpec c : spec.workload().classes()) {
            classes.set(c.name(), classNode(c, results, notes));
        }
        ObjectNode tiers = root.putObject("tiers");
        for (TierSpec t : spec.tiers()) {
            List<TierResult> rs = each(results, r -> r.tiers().get(t.name()), "tier " + t.name());
            tiers.set(t.name(), tierNode(t, rs, notes));
        }
        CostSummary cost = new CostSummary(spec, catalog, results);
        cost.addCredits(tiers, notes);
        if (spec.workload().websocket().isPresent()) {
            List<WebSocketResult> rs = each(results, r -> r.websocket().orElse(null), "websocket");
            ObjectNode ws = root.putObject("websocket");
            ws.set("delivery_ms", LatencyBlock.of((rs.stream().map(WebSocketResult::delivery).toList())));
            long refused = rs.stream().mapToLong(WebSocketResult::connectionsRefused).sum();
            long messages = rs.stream().mapToLong(WebSocketResult::messages).sum();
            long unfinished = rs.stream().mapToLong(WebSocketResult::unfinished).sum();
            long dropped = rs.stream().mapToLong(WebSocketResult::dropped).sum();
            ws.put("messages", messages);
            ws.put("connections_refused", refused);
            ws.put("arrived", messages);
            ws.put("delivered", rs.stream().mapToLong(WebSocketResult::delivered).sum());
            ws.put("dropped", dropped);
            ws.put("unfinished", unfinished);
            ws.put("failed_deliveries", rs.stream().mapToLong(WebSocketResult::failedDeliveries).sum());
            if (dropped + unfinished > 0) {
                notes.add("websocket: of " + messages + " messages, " + dropped + " dropped and " + unfinished
                        + " unfinished at the end of the run");
            }
            if (refused > 0) {
                notes.add("websocket: " + refused + " connections refused (max_connections)");
            }
        }
        root.putArray("slo");
        Uptime uptime = Uptime.of(spec, results);
        ObjectNode up = root.putObject("uptime");
        up.put("ratio", Round.to(uptime.ratio(), Round.RATIO));
        up.put("windows", uptime.windows());
        up.put("window_s", uptime.windowS());
        UptimeJson.addEstimate(up, uptime, spec.uptime().days(), results.size(), notes);
        UptimeJson.addAvailability(up, uptime, Uptime.availability(spec, results), results.size(), notes);
        if (uptime.windows() == 0 && !results.isEmpty()) {
            notes.add("no time-series windows were recorded: uptime.ratio is not measured");
        }
        root.set("cost", cost.json(notes));
        long events = results.stream().mapToLong(ReplicationResult::events).sum();
        ObjectNode engine = root.putObject("engine");
        engine.put("events", events);
        engine.put("wall_s", Round.to(wallS, Round.WALL_S));
        engine.put("events_per_s", wallS > 0 ? Math.round(events / wallS) : 0);
        engine.put("fidelity_mode", spec.run().fidelity().name().toLowerCase(java.util.Locale.ROOT));
        engine.set("fidelity", fidelity(results));
        ArrayNode notesNode = root.putArray("notes");
        notes.forEach(notesNode::add);
        return root;
    }

    /**
     * Per tier, the nodes in service and the simulated ones, each time-averaged and then averaged over
     * the replications (equal when the tier was simulated in full).
     */
    private ObjectNode fidelity(List<ReplicationResult> results) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (var tier : spec.tiers()) {
            double nodes = 0;
            double simulated = 0;
            int n = 0;
            for (ReplicationResult r : results) {
                ReplicationResult.Sampling s = r.sampling().get(tier.name());
                if (s != null) {
                    nodes += s.nodes();
                    simulated += s.simulated();
                    n++;
                }
            }
            if (n > 0) {
                ObjectNode t = node.putObject(tier.name());
                t.put("nodes", Round.to(nodes / n, 2));
                t.put("simulated", Round.to(simulated / n, 2));
            }
        }
        return node;
    }

    /**
     * The spread of the replications' own p99 ({p10, p90, min, max}, nearest rank over the
     * replications that recorded a request): with slow regimes or stalls, the p99 one run of this
     * length shows is itself a distribution, wider than the pooled p99's confidence interval.
     */
    static ObjectNode perReplicationP99(List<LatencyRecorder> latencies) {
        double[] p99 = latencies.stream().filter(l -> l.count() > 0).mapToDouble(l -> l.percentileMs(99)).sorted()
                .toArray();
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        if (p99.length == 0) {
            return n;
        }
        n.put("p10", Round.to(p99[rank(p99.length, 0.1)], Round.MS));
        n.put("p90", Round.to(p99[rank(p99.length, 0.9)], Round.MS));
        n.put("min", Round.to(p99[0], Round.MS));
        n.put("max", Round.to(p99[p99.length - 1], Round.MS));
        return n;
    }

    /** The 0-based nearest-rank index of quantile {@code q} among {@code n} values. */
    private static int rank(int n, double q) {
        return Math.max(0, Math.min(n - 1, (int) Math.ceil(q * n) - 1));
    }

    private ObjectNode classNode(ClassSpec c, List<ReplicationResult> results, List<String> notes) {
        List<ClassResult> rs = each(results, r -> r.classes().get(c.name()), "class " + c.name());
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        List<LatencyRecorder> latencies = rs.stream().map(ClassResult::latency).toList();
        node.set("latency_ms", LatencyBlock.of((latencies)));
        node.set("p99_per_replication_ms", perReplicationP99(latencies));
        if (!rs.isEmpty() && !rs.get(0).latencyByRegion().isEmpty()) {
            ObjectNode byRegion = node.putObject("by_region");
            for (String region : rs.get(0).latencyByRegion().keySet()) {
                byRegion.putObject(region).set("latency_ms", LatencyBlock.of((rs.stream().map(r -> r.latencyByRegion().get(region)).toList())));
            }
        }
        double throughput = 0;
        for (int i = 0; i < rs.size(); i++) {
            throughput += rs.get(i).throughputPerS(results.get(i).measuredS()) / rs.size();
        }
        long arrived = rs.stream().mapToLong(ClassResult::arrived).sum();
        long rejected = rs.stream().mapToLong(ClassResult::rejected).sum();
        long timedOut = rs.stream().mapToLong(ClassResult::timedOut).sum();
        long unfinished = rs.stream().mapToLong(ClassResult::unfinished).sum();
        node.put("throughput_per_s", Round.to(throughput, Round.RATE));
        node.put("error_ratio", Round.to(arrived == 0 ? 0 : (double) (rejected + timedOut + unfinished) / arrived,
                Round.RATIO));
        node.put("arrived", arrived);
        node.put("completed", rs.stream().mapToLong(ClassResult::completed).sum());
        node.put("rejected", rejected);
        node.put("timed_out", timedOut);
        node.put("unfinished", unfinished);
        if (unfinished > 0) {
            notes.add(String.format(Locale.ROOT, "class %s: %s of %s requests were still unfinished when the run"
                    + " stopped; they count as errors, and in the latencies at their age then (a lower bound)",
                    c.name(), unfinished, arrived));
        }
        long clamped = latencies.stream().mapToLong(LatencyRecorder::clamped).sum();
        if (clamped > 0) {
            notes.add("class " + c.name() + ": " + clamped + " latencies beyond one hour were recorded as one hour");
        }
        if (c.closed()) {
            notes.add("class " + c.name() + " is closed: its offered load uses the upper bound users / think_s");
        }
        return node;
    }

    private ObjectNode tierNode(TierSpec t, List<TierResult> rs, List<String> notes) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.set("latency_ms", LatencyBlock.of((rs.stream().map(TierResult::latency).toList())));
        node.put("utilization", Round.to(rs.stream().mapToDouble(TierResult::utilization).average().orElse(0),
                Round.RATIO));
        ObjectNode nodes = node.putObject("nodes");
        nodes.put("min", Round.to(rs.stream().mapToDouble(TierResult::nodesMin).min().orElse(0), Round.RATE));
        nodes.put("mean", Round.to(rs.stream().mapToDouble(TierResult::nodesMean).average().orElse(0), Round.RATE));
        nodes.put("max", Round.to(rs.stream().mapToDouble(TierResult::nodesMax).max().orElse(0), Round.RATE));
        // an autoscaled tier's capacity moves: judge it by the work offered to the nodes it
        // actually had (measured), not by the model's starting count
        Optional<TierLoad> load = t.operations().autoscale().isPresent() ? Optional.empty()
                : Optional.ofNullable(offered.get(t.name()));
        double offeredUtilization = load.map(TierLoad::utilization)
                .orElse(rs.stream().mapToDouble(TierResult::offeredUtilization).average().orElse(0));
        long saturatedReplications = rs.stream().filter(TierResult::saturated).count();
        boolean saturated = load.map(TierLoad::saturated).orElse(false) || saturatedReplications > 0;
        node.put("offered_utilization", Round.to(offeredUtilization, Round.RATIO));
        node.put("saturated", saturated);
        node.put("rejected", rs.stream().mapToLong(TierResult::rejected).sum());
        node.put("timed_out", rs.stream().mapToLong(TierResult::timedOut).sum());
        if (load.map(TierLoad::saturated).orElse(false)) {
            String peak = OfferedLoad.peakNote(spec);
            notes.add(String.format(Locale.ROOT, "tier %s saturated: offered utilisation %.2f%s", t.name(),
                    offeredUtilization, peak.isEmpty() ? "" : " " + peak));
        } else if (saturated) {
            notes.add(String.format(Locale.ROOT, "tier %s saturated in %d of %d replications (offered utilisation"
                    + " %.2f)", t.name(), saturatedReplications, rs.size(), offeredUtilization));
        }
        return node;
    }

    /** The part {@code part} of every replication; a missing part is a bug of the runner. */
    private static <T> List<T> each(List<ReplicationResult> results, Function<ReplicationResult, T> part,
                                    String what) {
        List<T> parts = new ArrayList<>();
        for (ReplicationResult r : results) {
            T p = part.apply(r);
            if (p == null) {
                throw new IllegalStateException("replication " + r.replication() + " has no result for " + what);
            }
            parts.add(p);
        }
        return parts;
    }

    /** A replication that measured nothing: the shape of the summary without running anything. */
    private ReplicationResult emptyReplication() {
        Map<String, ClassResult> classes = new LinkedHashMap<>();
        spec.workload().classes().forEach(c -> classes.put(c.name(), new ClassResult(new LatencyRecorder(), 0, 0, 0, 0, 0)));
        Map<String, TierResult> tiers = new LinkedHashMap<>();
        spec.tiers().forEach(t -> tiers.put(t.name(),
                new TierResult(new LatencyRecorder(), 0, t.count(), t.count(), t.count(), 0, false, 0, 0)));
        Optional<WebSocketResult> ws = spec.workload().websocket()
                .map(w -> WebSocketResult.empty());
        return new ReplicationResult(0, spec.run().durationS(), classes, tiers, ws, List.of(), 0, 0);
    }
}
