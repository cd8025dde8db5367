package capsim.models.system;

import capsim.models.catalog.Catalog;
import capsim.models.catalog.NodeType;
import capsim.models.load.Distributions;
import capsim.models.spec.ArrivalSpec;
import capsim.models.spec.ClassSpec;
import capsim.models.spec.DistSpec;
import capsim.models.spec.ModelSpec;
import capsim.models.spec.StepSpec;
import capsim.models.spec.TierSpec;
import capsim.models.spec.WebSocketSpec;
import capsim.models.tier.CpuSpeed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;

/**
 * The load a model offers each tier at its peak rate, computed from the model alone (no
 * simulation): the operational utilisation law U = X x S / c, with X the visit rate, S the
 * mean service demand and c the number of servers (Lazowska et al., <i>Quantitative System
 * Performance</i>, 1984, ch. 3). A tier with U >= 1 cannot keep up: its queue grows without
 * bound.
 * <p>
 * Rates: an open class arrives at {@code rate_per_s} x the profile's largest multiplier (an
 * MMPP class at its long-run mean; a trace: the largest rate in its CSV); a closed class at
 * most {@code users / think_s} (an upper bound: response times only lower it). Each step makes
 * {@code repeat} visits; a step with {@code hit_ratio} runs its {@code on_miss} steps with
 * probability 1 - hit_ratio (once per step, whatever its {@code repeat}), recursively.
 * A visit's work is its mean service time x the speed of the type it was measured on / the speed
 * of the tier's nodes ({@link CpuSpeed}). {@code network.hop_ms} is latency, not work, and is not
 * counted. WebSocket messages are published at {@code messages_per_s} x the profile's largest
 * multiplier too; every message
 * visits min(E[fanout], ws nodes) ws nodes (an upper bound on the distinct nodes holding its
 * recipients) and costs E[fanout] x E[send_ms] of ws work; the pub/sub tier, if any, gets one
 * visit of {@code pubsub_ms} per message.
 */
public final class OfferedLoad {

    /**
     * The offered load of one tier: visits and work (server-seconds) per second, servers
     * (count x workers), utilisation = work / servers, saturated when it is 1 or more.
     */
    public record TierLoad(String tier, double visitsPerS, double workServerSPerS, int servers, double utilization,
                           boolean saturated) {
    }

    /** The arrival rate used for one class; {@code upperBound} for a closed class (users / think_s). */
    public record ClassRate(String className, double ratePerS, boolean upperBound) {
    }

    private OfferedLoad() {
    }

    /** The offered load of every tier, in the model's tier order. */
    public static List<TierLoad> of(ModelSpec spec, Catalog catalog) {
        return of(spec, catalog, tier -> 1);
    }

    /**
     * As {@link #of(ModelSpec, Catalog)}, with the hit ratio of every step on a tier t multiplied
     * by {@code warmth}(t) (below 1: part of a cache is cold, and its misses load the tiers behind it).
     */
    public static List<TierLoad> of(ModelSpec spec, Catalog catalog, ToDoubleFunction<String> warmth) {
        Map<String, double[]> visitsAndWork = visitsAndWork(spec, catalog, warmth);
        List<TierLoad> loads = new ArrayList<>();
        for (TierSpec tier : spec.tiers()) {
            double[] vw = visitsAndWork.get(tier.name());
            int servers = tier.count() * workersPerNode(tier, catalog);
            double utilization = servers > 0 ? vw[1] / servers : (vw[1] > 0 ? Double.POSITIVE_INFINITY : 0);
            loads.add(new TierLoad(tier.name(), vw[0], vw[1], servers, utilization, utilization >= 1));
        }
        return List.copyOf(loads);
    }

    /**
     * Per tier, the squared coefficient of variation of its visits' service demands: the mixture of
     * every step visiting it, weighted by its visits a second at the classes' peak rates (a
     * WebSocket visit counted at its mean); 1 for a tier that no step visits.
     */
    public static Map<String, Double> serviceCv2(ModelSpec spec, Catalog catalog) {
        Map<String, Double> out = new LinkedHashMap<>();
        visitsAndWork(spec, catalog, tier -> 1).forEach((tier, vw) ->
                out.put(tier, vw[1] > 0 ? vw[2] * vw[0] / (vw[1] * vw[1]) - 1 : 1.0));
        return out;
    }

    /**
     * Per tier: visits a second, work (server-seconds) a second, and the sum over visits a second
     * of their service demand's second moment.
     */
    private static Map<String, double[]> visitsAndWork(ModelSpec spec, Catalog catalog,
                                                       ToDoubleFunction<String> warmth) {
        Map<String, double[]> visitsAndWork = new LinkedHashMap<>();
        for (TierSpec tier : spec.tiers()) {
            visitsAndWork.put(tier.name(), new double[3]);
        }
        List<ClassRate> rates = classRates(spec);
        ToDoubleFunction<StepSpec> speedScale = step -> {
            TierSpec tier = spec.tier(step.tier()).orElseThrow(() -> new IllegalArgumentException("unknown tier "
                    + step.tier()));
            return CpuSpeed.demandScale(step, tier, catalog) / CpuSpeed.of(tier, catalog);
        };
        for (int i = 0; i < rates.size(); i++) {
            addSteps(visitsAndWork, spec.workload().classes().get(i).steps(), rates.get(i).ratePerS(), speedScale,
                    warmth);
        }
        spec.workload().websocket().ifPresent(ws -> addWebSocket(visitsAndWork, ws, spec, catalog));
        return visitsAndWork;
    }

    /** The peak arrival rate of every class, in the model's class order. */
    public static List<ClassRate> classRates(ModelSpec spec) {
        List<ClassRate> rates = new ArrayList<>();
        for (ClassSpec c : spec.workload().classes()) {
            if (c.closed()) {
                double thinkS = c.thinkS().orElseThrow();
                rates.add(new ClassRate(c.name(), c.users().orElseThrow() / thinkS, true));
            } else if (c.arrival().kind() == ArrivalSpec.Kind.TRACE) {
                rates.add(new ClassRate(c.name(), traceMaxRatePerS(traceFile(c.arrival(), spec)), false));
            } else {
                double peak = spec.workload().profile().maxMultiplier();
                rates.add(new ClassRate(c.name(), c.ratePerS().orElseThrow() * peak, false));
            }
        }
        return List.copyOf(rates);
    }

    /** The mean of a distribution as written: mean; (min + max) / 2 for uniform; the sample average for empirical. */
    public static double meanOf(DistSpec d) {
        return switch (d.dist()) {
            case "uniform" -> (d.min().orElseThrow() + d.max().orElseThrow()) / 2;
            case "empirical" -> d.samples().stream().mapToDouble(Double::doubleValue).average().orElse(0);
            default -> d.mean().orElseThrow();
        };
    }

    /** Servers per node: {@code workers}, else the vCPUs of the node type (a custom tier's own {@code vcpu}). */
    public static int workersPerNode(TierSpec tier, Catalog catalog) {
        if (tier.workers().isPresent()) {
            return tier.workers().getAsInt();
        }
        if ("custom".equals(tier.node())) {
            return tier.vcpu().orElseThrow();
        }
        return catalog.find(tier.node()).map(NodeType::vcpu)
                .orElseThrow(() -> new IllegalArgumentException("unknown node type " + tier.node()));
    }

    /** Adds the visits and work of {@code steps}: mean service x {@code speedScale} (measured-on / node speed). */
    private static void addSteps(Map<String, double[]> visitsAndWork, List<StepSpec> steps, double ratePerS,
                                 ToDoubleFunction<StepSpec> speedScale, ToDoubleFunction<String> warmth) {
        for (StepSpec step : steps) {
            if (step.delay()) {
                continue;
            }
            double visitsPerS = ratePerS * step.repeat();
            double cv = Distributions.of(step.serviceMs()).cv();
            add(visitsAndWork, step.tier(), visitsPerS,
                    visitsPerS * meanOf(step.serviceMs()) / 1000 * speedScale.applyAsDouble(step), cv * cv);
            if (step.hitRatio().isPresent()) {
                double hit = step.hitRatio().getAsDouble() * warmth.applyAsDouble(step.tier());
                addSteps(visitsAndWork, step.onMiss(), ratePerS * (1 - hit), speedScale, warmth);
            }
        }
    }

    private static void addWebSocket(Map<String, double[]> visitsAndWork, WebSocketSpec ws, ModelSpec spec,
                                     Catalog catalog) {
        double fanout = meanOf(ws.fanout());
        int wsNodes = spec.tier(ws.tier()).map(TierSpec::count).orElse(0);
        double messagesPerS = peakMessagesPerS(spec);
        add(visitsAndWork, ws.tier(), messagesPerS * Math.min(fanout, wsNodes),
                messagesPerS * fanout * meanOf(ws.sendMs()) / 1000 * speedScale(spec, ws.tier(), catalog), 0);
        ws.pubsubTier().ifPresent(pubsub -> add(visitsAndWork, pubsub, messagesPerS,
                messagesPerS * ws.pubsubMs().map(OfferedLoad::meanOf).orElse(0.0) / 1000
                        * speedScale(spec, pubsub, catalog), 0));
    }

    /** WebSocket messages published per second at the profile's peak (0 without WebSocket load). */
    public static double peakMessagesPerS(ModelSpec spec) {
        return spec.workload().websocket().map(ws -> ws.messagesPerS() * spec.workload().profile().maxMultiplier())
                .orElse(0.0);
    }

    /**
     * Where the rates above stand in the day: "at the profile's peak, 14:00 (x2)" for a profile
     * that varies, empty for a constant one.
     */
    public static String peakNote(ModelSpec spec) {
        var profile = spec.workload().profile();
        if (profile.maxMultiplier() == profile.minMultiplier()) {
            return "";
        }
        double h = profile.peakHour();
        return String.format(java.util.Locale.ROOT, "at the profile's peak, %02d:%02d (x%s)", (int) h,
                (int) Math.round((h - Math.floor(h)) * 60), plain(profile.maxMultiplier()));
    }

    private static String plain(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
    }

    /** Measured-on speed / node speed of a visit to {@code tier} that is no step; 1 for an unknown tier. */
    private static double speedScale(ModelSpec spec, String tier, Catalog catalog) {
        return spec.tier(tier).map(t -> CpuSpeed.demandScale(t, catalog) / CpuSpeed.of(t, catalog)).orElse(1.0);
    }

    /**
     * Adds {@code visitsPerS} visits doing {@code workPerS} server-seconds a second between them,
     * each demand of squared cv {@code cv2} (second moment mean^2 (1 + cv2)).
     */
    private static void add(Map<String, double[]> visitsAndWork, String tier, double visitsPerS, double workPerS,
                            double cv2) {
        double[] vw = visitsAndWork.get(tier);
        if (vw == null) {
            throw new IllegalArgumentException("unknown tier " + tier);
        }
        vw[0] += visitsPerS;
        vw[1] += workPerS;
        if (visitsPerS > 0) {
            vw[2] += workPerS * workPerS / visitsPerS * (1 + cv2);
        }
    }

    /**
     * The trace CSV of an arrival: as given when it exists (the loader may have resolved it),
     * else relative to the model file's folder.
     */
    private static Path traceFile(ArrivalSpec arrival, ModelSpec spec) {
        Path file = arrival.file().orElseThrow();
        if (file.isAbsolute() || Files.exists(file)) {
            return file;
        }
        Path folder = Path.of(spec.source()).toAbsolutePath().getParent();
        return folder == null ? file : folder.resolve(file);
    }

    /** The largest {@code rate_per_s} of a trace CSV ({@code time_s,rate_per_s} rows; a header, blanks and # comments skipped). */
    static double traceMaxRatePerS(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read trace " + file + ": " + e.getMessage(), e);
        }
        double max = 0;
        boolean first = true;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean header = first && !Character.isDigit(line.charAt(0));
            first = false;
            if (header) {
                continue;
            }
            String[] cells = line.split(",");
            OptionalDouble rate = cells.length == 2 ? parseNumber(cells[1]) : OptionalDouble.empty();
            if (rate.isEmpty()) {
                String message = file + ":" + (i + 1) + ": not a time_s,rate_per_s row: " + line;
                throw new UncheckedIOException(message, new IOException(message));
            }
            max = Math.max(max, rate.getAsDouble());
        }
        return max;
    }

    private static OptionalDouble parseNumber(String cell) {
        try {
            return OptionalDouble.of(Double.parseDouble(cell.strip()));
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }
}
