package capsim.experiments.result;

import capsim.experiments.summary.Uptime;
import capsim.models.spec.ClassSpec;
import capsim.models.spec.ModelSpec;
import capsim.models.spec.TierSpec;
import capsim.models.system.ReplicationResult;
import capsim.models.system.ReplicationResult.ScenarioResult;
import capsim.models.system.ReplicationResult.WindowClass;
import capsim.models.system.ReplicationResult.WindowRow;
import capsim.models.system.ReplicationResult.WebSocketResult;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** Builds the {@link RunResult} of a run from its replications, in replication order. */
public final class RunResults {
    private RunResults() {
    }

    /** The result of {@code results}, summarised as {@code summary}, of the model {@code model}. */
    public static RunResult of(ModelSpec spec, JsonNode summary, List<ReplicationResult> results, ModelCopy model) {
        Set<String> credited = new LinkedHashSet<>();
        results.forEach(r -> r.series().forEach(row -> credited.addAll(row.tierCredits().keySet())));
        List<String> columns = columns(spec, credited);
        List<TimeSeries.Window> main = new ArrayList<>();
        List<TimeSeries.Window> scenarios = new ArrayList<>();
        for (ReplicationResult r : results) {
            for (WindowRow row : r.series()) {
                main.add(new TimeSeries.Window("", r.replication(), row.startS(), values(spec, credited, row)));
            }
            for (ScenarioResult s : r.scenarios()) {
                for (WindowRow row : s.windows()) {
                    scenarios.add(new TimeSeries.Window(s.name(), r.replication(), row.startS(),
                            values(spec, credited, row)));
                }
            }
        }
        return new RunResult(summary, new TimeSeries(columns, main), new TimeSeries(columns, scenarios),
                latencies(spec, results), model, uptime(spec, results));
    }

    /** Every uptime window of the main run ({@link RunResult#NORMAL}) and the scenarios, and whether it met the targets. */
    private static TimeSeries uptime(ModelSpec spec, List<ReplicationResult> results) {
        Predicate<WindowRow> up = Uptime.windowTest(spec);
        List<TimeSeries.Window> windows = new ArrayList<>();
        for (ReplicationResult r : results) {
            double endS = spec.run().warmupS() + r.measuredS();
            for (WindowRow row : r.windows()) {
                windows.add(new TimeSeries.Window(RunResult.NORMAL, r.replication(), row.startS(),
                        new double[] {Math.min(r.windowS(), endS - row.startS()), 1, up.test(row) ? 1 : 0}));
            }
            for (ScenarioResult s : r.scenarios()) {
                for (int i = 0; i < s.windows().size(); i++) {
                    WindowRow row = s.windows().get(i);
                    windows.add(new TimeSeries.Window(s.name(), r.replication(), row.startS(),
                            new double[] {r.windowS(), s.weights().get(i), up.test(row) ? 1 : 0}));
                }
            }
        }
        return new TimeSeries(RunResult.UPTIME_COLUMNS, windows);
    }

    private static List<String> columns(ModelSpec spec, Set<String> credited) {
        List<String> columns = new ArrayList<>();
        for (ClassSpec c : spec.workload().classes()) {
            for (String m : List.of(Columns.ARRIVED, Columns.COMPLETED, Columns.ERRORS, Columns.MEAN_MS,
                    Columns.P50_MS, Columns.P95_MS, Columns.P99_MS)) {
                columns.add(Columns.ofClass(c.name(), m));
            }
        }
        for (TierSpec t : spec.tiers()) {
            for (String m : List.of(Columns.UTILIZATION, Columns.NODES, Columns.P99_MS, Columns.OFFERED)) {
                columns.add(Columns.ofTier(t.name(), m));
            }
            if (autoscaled(t)) {
                columns.add(Columns.ofTier(t.name(), Columns.DESIRED));
                columns.add(Columns.ofTier(t.name(), Columns.BOOTING));
            }
            if (credited.contains(t.name())) {
                columns.add(Columns.ofTier(t.name(), Columns.CREDITS));
            }
        }
        if (spec.workload().websocket().isPresent()) {
            columns.add(Columns.ofWebSocket(Columns.DELIVERY_P99_MS));
        }
        return columns;
    }

    private static double[] values(ModelSpec spec, Set<String> credited, WindowRow row) {
        List<Double> v = new ArrayList<>();
        for (ClassSpec c : spec.workload().classes()) {
            WindowClass w = row.classes().getOrDefault(c.name(), new WindowClass(0, 0, 0, 0));
            v.addAll(List.of((double) w.arrived(), (double) w.count(), (double) w.errors(), w.meanMs(), w.p50Ms(),
                    w.p95Ms(), w.p99Ms()));
        }
        for (TierSpec t : spec.tiers()) {
            v.add(get(row.tierUtilization(), t.name()));
            v.add(get(row.tierNodes(), t.name()));
            v.add(get(row.tierP99Ms(), t.name()));
            v.add(get(row.tierOffered(), t.name()));
            if (autoscaled(t)) {
                v.add(get(row.tierDesired(), t.name()));
                v.add(get(row.tierBooting(), t.name()));
            }
            if (credited.contains(t.name())) {
                v.add(get(row.tierCredits(), t.name()));
            }
        }
        if (spec.workload().websocket().isPresent()) {
            v.add(row.websocketP99Ms());
        }
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static boolean autoscaled(TierSpec t) {
        return t.operations().autoscale().isPresent();
    }

    private static double get(Map<String, Double> values, String tier) {
        Double v = values.get(tier);
        return v == null ? Double.NaN : v;
    }

    private static List<LatencyCdf> latencies(ModelSpec spec, List<ReplicationResult> results) {
        List<LatencyCdf> cdfs = new ArrayList<>();
        for (ClassSpec c : spec.workload().classes()) {
            cdfs.add(LatencyCdf.of("classes." + c.name() + ".latency_ms", results.stream()
                    .map(r -> r.classes().get(c.name())).filter(x -> x != null).map(x -> x.latency()).toList()));
        }
        if (spec.workload().websocket().isPresent()) {
            cdfs.add(LatencyCdf.of("websocket.delivery_ms", results.stream().flatMap(r -> r.websocket().stream())
                    .map(WebSocketResult::delivery).toList()));
        }
        return cdfs;
    }
}
