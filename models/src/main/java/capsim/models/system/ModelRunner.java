package capsim.models.system;

import capsim.engine.dist.Distribution;
import capsim.engine.kernel.Simulation;
import capsim.engine.random.RandomStreams;
import capsim.engine.stats.WindowFigures;
import capsim.models.period.ArrivalWindows;
import capsim.models.period.Period;
import capsim.models.period.Periods;
import capsim.models.period.TierRecorder;
import capsim.models.autoscale.Autoscaler;
import capsim.models.balance.Balancers;
import capsim.models.balance.MeanFieldTwoChoices;
import capsim.models.catalog.Catalog;
import capsim.models.cost.UsageMeter;
import capsim.models.credits.TierCredits;
import capsim.models.failure.FailureMode;
import capsim.models.failure.Failures;
import capsim.models.failure.Outages;
import capsim.models.fidelity.Background;
import capsim.models.fidelity.SamplePlan;
import capsim.models.load.Distributions;
import capsim.models.region.Origins;
import capsim.models.region.Regions;
import capsim.models.spec.ArrivalSpec;
import capsim.models.spec.ClassSpec;
import capsim.models.spec.ModelSpec;
import capsim.models.spec.ProfileSpec;
import capsim.models.spec.TierSpec;
import capsim.models.spec.UptimeSpec;
import capsim.models.spec.WebSocketSpec;
import capsim.models.system.ReplicationResult.ClassResult;
import capsim.models.system.ReplicationResult.TierResult;
import capsim.models.system.ReplicationResult.WebSocketResult;
import capsim.models.system.ReplicationResult.WindowClass;
import capsim.models.system.ReplicationResult.WindowRow;
import capsim.models.tier.CpuSpeed;
import capsim.models.tier.Horizon;
import capsim.models.tier.Interference;
import capsim.models.tier.Tier;
import capsim.models.workload.ArrivalProcess;
import capsim.models.workload.Mmpp2;
import capsim.models.workload.RateFunction;
import capsim.models.workload.RequestClass;
import capsim.models.workload.ThinnedPoisson;
import capsim.models.workload.TraceRate;
import capsim.models.ws.WebSocketLoad;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Builds the simulated system of a model and runs one replication of it: warm-up, then the
 * measured period, then a short drain (arrivals go on) so that requests which arrived before
 * the end can finish, then, for a model that can fail, its failure scenarios. Each of these is
 * a measured {@link Period} declared here, before the run, with its own recorders
 * ({@link Periods}); a result is built from one period's recorders. Everything lives in this
 * call: replications run in parallel threads. Uptime windows last {@code uptime.window_s}
 * (default 60 s), time-series windows {@code run.window_s} (default 10 s); each is at most the
 * run's duration.
 */
public final class ModelRunner {
    /** Default length of an uptime window ({@code uptime.window_s}), seconds. */
    public static final double WINDOW_S = UptimeSpec.DEFAULT.windowS();

    private final ModelSpec model;
    private final Catalog catalog;

    public ModelRunner(ModelSpec model) {
        this(model, Catalog.builtIn());
    }

    public ModelRunner(ModelSpec model, Catalog catalog) {
        this.model = model;
        this.catalog = catalog;
    }

    /** Servers per node of {@code tier}: its {@code workers}, else its type's vCPUs. */
    public static int workersOf(TierSpec tier, Catalog catalog) {
        if (tier.workers().isPresent()) {
            return tier.workers().getAsInt();
        }
        if (tier.vcpu().isPresent()) {
            return tier.vcpu().getAsInt();
        }
        return catalog.find(tier.node()).map(t -> t.vcpu()).orElse(1);
    }

    /**
     * Runs replication {@code replication} (0-based) with the model's run settings; streams are
     * seeded from (run.seed, replication, source name). The measured period has no failures (the
     * normal state); in a model that can fail, the run goes on after it with each failure mode
     * striking once ({@link FailureScenarios}), for the uptime estimate.
     */
    public ReplicationResult run(int replication) {
        return run(replication, FailureScenarios.shapes(model, catalog), FailureScenarios.judge(model, catalog));
    }

    /** As {@link #run(int)}, the scenarios' blocks shaped by {@code shapes} whatever nodes they strike. */
    ReplicationResult run(int replication, Function<FailureMode, FailureScenarios.Shape> shapes) {
        return run(replication, shapes, FailureScenarios.Judge.fixed(shapes));
    }

    /**
     * As {@link #run(int)}: the scenarios dealt by their {@code shapes} on the model file's counts,
     * each block shaped by {@code judge} on the nodes in service when it starts.
     */
    ReplicationResult run(int replication, Function<FailureMode, FailureScenarios.Shape> shapes,
                          FailureScenarios.Judge judge) {
        Horizon horizon = horizon(model.run().warmupS(), model.run().durationS(), model.run().windowS());
        return simulate(replication, horizon, Failures.none(),
                FailureScenarios.plan(model, replication, horizon.windowS(), shapes, judge));
    }

    /**
     * Runs replication {@code replication} with every failure process running: failures happen as
     * they come. Its time series is its uptime windows'.
     */
    public ReplicationResult runWithFailures(int replication) {
        return simulate(replication, horizon(model.run().warmupS(), model.run().durationS(), model.uptime().windowS()),
                Failures.asTheyCome(), Optional.empty());
    }

    /**
     * Measures {@code durationS} from {@code startS} in uptime windows of {@code uptime.window_s} and
     * time-series windows of {@code seriesS} (each at most the run's duration), then drains for a
     * tenth of it, at most 60 s.
     */
    private Horizon horizon(double startS, double durationS, double seriesS) {
        double windowS = Math.min(model.uptime().windowS(), model.run().durationS());
        return new Horizon(startS, startS + durationS, windowS, Math.min(60, durationS / 10),
                Math.min(seriesS, model.run().durationS()));
    }

    /**
     * One run of replication {@code replication}: warm-up, the measured period of {@code horizon}
     * with {@code failures}, its drain, then the {@code scenarios} measured in their own period.
     */
    private ReplicationResult simulate(int replication, Horizon horizon, Failures failures,
                                       Optional<FailureScenarios> scenarios) {
        Simulation sim = new Simulation();
        RandomStreams streams = new RandomStreams(model.run().seed(), replication);
        double hopS = model.network().hopMs() / 1000.0;
        Periods periods = periods(horizon, scenarios);
        Period main = periods.named(Period.MAIN);

        SamplePlan plan = SamplePlan.of(model, catalog);
        Map<String, Tier> tiers = new LinkedHashMap<>();
        for (TierSpec t : model.tiers()) {
            int stride = plan.stride(t.name());
            var balancerRng = streams.stream("tier/" + t.name() + "/balancer");
            var interference = Interference.of(t.name(), t.operations().interference(), streams);
            double cpuSpeed = CpuSpeed.of(t, catalog);
            tiers.put(t.name(), stride == 1
                    ? new Tier(t, workersOf(t, catalog), cpuSpeed, sim, periods, balancerRng, interference)
                    : new Tier(t, workersOf(t, catalog), cpuSpeed, sim, periods, balancerRng, interference, stride,
                    plan.zonal(), streams.stream("fidelity/sample/" + t.name()),
                    plan.meanField(t.name()) ? new MeanFieldTwoChoices() : Balancers.of(t.balancer())));
        }
        UsageMeter usage = new UsageMeter(tiers, TierCredits.start(tiers, catalog, sim, horizon), main);
        Optional<Regions> regions = Regions.of(model.network(), tiers, streams);
        ProfileSpec profile = model.workload().profile();
        Map<String, Double> simulatedShare = new LinkedHashMap<>();
        for (ClassSpec c : model.workload().classes()) {
            RequestClass rc = new RequestClass(c, sim, periods, hopS, model.network().crossZoneMs() / 1000.0, tiers,
                    key -> key.step().delay() ? Distributions.of(key.step().serviceMs())
                            : scaled(Distributions.of(key.step().serviceMs()), CpuSpeed.demandScale(key.step(),
                                    model.tier(key.step().tier()).orElseThrow(), catalog)),
                    streams, regions);
            double f = plan.thinning(c.name());
            if (c.closed()) {
                int users = c.users().getAsInt();
                int simulated = f < 1 ? (int) Math.max(1, Math.round(users * f)) : users;
                simulatedShare.put(c.name(), (double) simulated / users);
                rc.startClosed(simulated);
            } else {
                simulatedShare.put(c.name(), f);
                rc.start(arrivals(c, profile, streams, f));
            }
        }
        plan.backgroundKinds(model).forEach((tier, kinds) -> Background.start(sim, tiers.get(tier), kinds,
                step -> scaled(Distributions.of(step.serviceMs()),
                        CpuSpeed.demandScale(step, model.tier(step.tier()).orElseThrow(), catalog)),
                profile, streams.stream("fidelity/background/" + tier)));
        Optional<WebSocketLoad> ws = model.workload().websocket().map(w -> webSocket(w, sim, periods, hopS, tiers,
                profile, streams, regions.map(r -> new Origins(r, streams.stream("websocket/region")))));
        Map<String, Autoscaler> groups = new LinkedHashMap<>();
        for (Tier t : tiers.values()) {
            if (t.spec().operations().autoscale().isPresent()) {
                groups.put(t.name(), Autoscaler.start(sim, t, profile.startH(), model.workload().websocket()
                        .filter(w -> w.tier().equals(t.name())).map(WebSocketSpec::connections).orElse(0L)));
            }
        }
        Outages outages = new Outages(sim, model, tiers, streams, groups);
        failures.install(outages);

        // the scenarios' windows are closed as their blocks are laid out, when the scenarios run
        periods.scheduleWindows(sim, p -> !p.name().equals(Period.SCENARIOS));
        sim.runUntil(horizon.stopS());
        ReplicationResult result = result(replication, sim, main, tiers, ws, usage, simulatedShare);
        if (scenarios.isEmpty()) {
            return result;
        }
        Period next = periods.named(Period.SCENARIOS);
        return result.withScenarios(scenarios.get().run(sim, outages, periods, next, result),
                sim.eventsFired() - result.events());
    }

    /**
     * The measured periods of a run whose main period is {@code main}: the warm-up before it (if
     * any), and after its drain the {@code scenarios}' windows, with a drain of their own.
     */
    private Periods periods(Horizon main, Optional<FailureScenarios> scenarios) {
        List<Period> periods = new ArrayList<>();
        if (main.warmupS() > 0) {
            periods.add(new Period(Period.WARMUP, new Horizon(0, main.warmupS(), main.windowS())));
        }
        periods.add(new Period(Period.MAIN, main));
        scenarios.ifPresent(s -> periods.add(new Period(Period.SCENARIOS,
                horizon(main.stopS(), s.boundWindows() * main.windowS(), main.windowS()))));
        return new Periods(periods);
    }

    /** The arrivals of open class {@code c}, of which a share {@code simulated} is simulated (1: all). */
    private ArrivalProcess arrivals(ClassSpec c, ProfileSpec profile, RandomStreams streams, double simulated) {
        var rng = streams.stream("class/" + c.name() + "/arrivals");
        ArrivalSpec a = c.arrival();
        double rate = simulated < 1 ? c.ratePerS().orElse(0) * simulated : c.ratePerS().orElse(0);
        RateFunction shaped = profiled(rate, profile);
        return switch (a.kind()) {
            case POISSON -> new ThinnedPoisson(shaped, profile.kind() == ProfileSpec.Kind.CONSTANT, rng);
            case MMPP -> new Mmpp2(shaped, a.highFactor(), a.highShare(), a.meanHighS(), rng);
            case TRACE -> new ThinnedPoisson(trace(a.file().orElseThrow()), false, rng);
        };
    }

    private static RateFunction profiled(double ratePerS, ProfileSpec profile) {
        return new RateFunction() {
            @Override
            public double ratePerS(double tS) {
                return ratePerS * profile.multiplierAt(tS);
            }

            @Override
            public double maxPerS() {
                return ratePerS * profile.maxMultiplier();
            }
        };
    }

    private static TraceRate trace(Path file) {
        try {
            return TraceRate.read(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code d} with its values multiplied by {@code factor}; {@code d} itself when the factor is 1. */
    private static Distribution scaled(Distribution d, double factor) {
        return factor == 1 ? d : d.scaled(factor);
    }

    private WebSocketLoad webSocket(WebSocketSpec w, Simulation sim, Periods periods, double hopS,
                                    Map<String, Tier> tiers, ProfileSpec profile, RandomStreams streams,
                                    Optional<Origins> origins) {
        Tier wsTier = tiers.get(w.tier());
        long maxPerNode = wsTier.spec().maxConnections().orElse(Long.MAX_VALUE);
        Optional<Tier> pubsub = w.pubsubTier().map(tiers::get);
        Optional<Distribution> pubsubMs = w.pubsubMs().map(d -> scaled(Distributions.of(d),
                CpuSpeed.demandScale(pubsub.orElseThrow().spec(), catalog)));
        WebSocketLoad load = new WebSocketLoad(sim, periods, hopS, wsTier, w.connections(), maxPerNode, pubsub,
                pubsubMs, Distributions.of(w.fanout()),
                scaled(Distributions.of(w.sendMs()), CpuSpeed.demandScale(wsTier.spec(), catalog)),
                streams.stream("websocket/fanout"), streams.stream("websocket/send"),
                streams.stream("websocket/pubsub"), origins);
        load.start(new ThinnedPoisson(profiled(w.messagesPerS(), profile),
                profile.kind() == ProfileSpec.Kind.CONSTANT, streams.stream("websocket/messages")));
        return load;
    }

    /** The result of {@code period}, from its recorders, once the run has passed its stop. */
    private static ReplicationResult result(int replication, Simulation sim, Period period, Map<String, Tier> tiers,
                                            Optional<WebSocketLoad> ws, UsageMeter usage,
                                            Map<String, Double> simulatedShare) {
        Horizon horizon = period.horizon();
        Map<String, ClassResult> classResults = new LinkedHashMap<>();
        period.classes().forEach((name, c) -> {
            double up = 1 / simulatedShare.get(name); // counts of a sampled class stand for the whole class
            classResults.put(name, new ClassResult(c.latency(), scaledCount(c.arrived(), up),
                    scaledCount(c.completed(), up), scaledCount(c.rejected(), up), scaledCount(c.timedOut(), up),
                    scaledCount(c.unfinished(), up),
                    c.latencyByRegion()));
        });
        Map<String, TierResult> tierResults = new LinkedHashMap<>();
        Map<String, ReplicationResult.Sampling> sampling = new LinkedHashMap<>();
        period.tiers().forEach((name, t) -> {
            var nodes = t.nodesInService();
            double offered = t.offeredUtilization();
            boolean overflowed = tiers.get(name).overflowed();
            double nodesMean = nodes.average(horizon.endS());
            double simulatedMean = t.simulatedNodesMean();
            double up = tiers.get(name).sampled() && simulatedMean > 0 ? nodesMean / simulatedMean : 1;
            tierResults.put(name, new TierResult(t.latency(), t.utilization(), nodes.min(),
                    nodesMean, nodes.max(), offered, offered >= 1 || overflowed,
                    scaledCount(t.rejected(), up), scaledCount(t.timedOut(), up)));
            sampling.put(name, new ReplicationResult.Sampling(nodesMean, simulatedMean));
        });
        Optional<WebSocketResult> wsResult = period.websocket().map(w -> new WebSocketResult(w.delivery(),
                ws.orElseThrow().refused(), w.messages(), w.delivered(), w.dropped(), w.unfinished(),
                w.failedDeliveries()));
        List<WindowRow> uptimeRows = rows(period, false);
        return new ReplicationResult(replication, horizon.measuredS(), classResults, tierResults, wsResult,
                uptimeRows, sim.eventsFired(), horizon.windowS(), usage.usage(), List.of(), sampling,
                horizon.separateSeries() ? rows(period, true) : uptimeRows);
    }

    /** {@code count} x {@code factor}, rounded; {@code count} itself when the factor is 1. */
    private static long scaledCount(long count, double factor) {
        return factor == 1 ? count : Math.round(count * factor);
    }

    /** The uptime windows of {@code period}, or with {@code series} its time-series windows, once they are closed. */
    private static List<WindowRow> rows(Period period, boolean series) {
        Horizon horizon = period.horizon();
        return rows(period, series, series ? horizon.seriesWindows() : horizon.windows());
    }

    /** The first {@code windows} uptime windows of {@code period}, once they are closed. */
    static List<WindowRow> rows(Period period, int windows) {
        return rows(period, false, windows);
    }

    /** The first {@code windows} uptime (or with {@code series} time-series) windows of {@code period}. */
    private static List<WindowRow> rows(Period period, boolean series, int windows) {
        Horizon horizon = period.horizon();
        double lengthS = series ? horizon.seriesS() : horizon.windowS();
        List<WindowRow> rows = new ArrayList<>();
        for (int i = 0; i < windows; i++) {
            Map<String, WindowClass> wc = new LinkedHashMap<>();
            for (var e : period.classes().entrySet()) {
                ArrivalWindows c = series ? e.getValue().seriesWindows() : e.getValue().uptimeWindows();
                WindowFigures s = c.latency();
                wc.put(e.getKey(), new WindowClass(c.completed(i), c.errors(i), s.meanMs(i), s.p99Ms(i),
                        c.arrivals(i), s.p50Ms(i), s.p95Ms(i)));
            }
            Map<String, Double> p99 = new LinkedHashMap<>();
            Map<String, Double> util = new LinkedHashMap<>();
            Map<String, Double> nodes = new LinkedHashMap<>();
            Map<String, Double> offered = new LinkedHashMap<>();
            Map<String, Double> desired = new LinkedHashMap<>();
            Map<String, Double> booting = new LinkedHashMap<>();
            Map<String, Double> credits = new LinkedHashMap<>();
            for (var e : period.tiers().entrySet()) {
                TierRecorder.Windows t = series ? e.getValue().seriesWindows() : e.getValue().uptimeWindows();
                p99.put(e.getKey(), t.latency().p99Ms(i));
                util.put(e.getKey(), t.utilization(i));
                nodes.put(e.getKey(), t.nodes(i));
                offered.put(e.getKey(), t.offered(i));
                desired.put(e.getKey(), t.desired(i));
                booting.put(e.getKey(), t.booting(i));
                if (e.getValue().hasCredits()) {
                    credits.put(e.getKey(), t.credits(i));
                }
            }
            int w = i;
            double wsP99 = period.websocket().map(load -> (series ? load.seriesWindows() : load.windows()).p99Ms(w))
                    .orElse(0.0);
            rows.add(new WindowRow(horizon.warmupS() + i * lengthS, wc, p99, util, nodes, wsP99, offered,
                    desired, booting, credits));
        }
        return rows;
    }
}
