package capsim.models.system;

import capsim.engine.kernel.Simulation;
import capsim.engine.random.RandomStream;
import capsim.engine.random.RandomStreams;
import capsim.models.catalog.Catalog;
import capsim.models.failure.FailureMode;
import capsim.models.failure.CacheRefill;
import capsim.models.failure.Cuts;
import capsim.models.failure.FailureModes;
import capsim.models.failure.Fleet;
import capsim.models.failure.Impact;
import capsim.models.failure.Outages;
import capsim.models.failure.Strike;
import capsim.models.period.Period;
import capsim.models.period.Periods;
import capsim.models.spec.ArrivalSpec;
import capsim.models.spec.ClassSpec;
import capsim.models.spec.ModelSpec;
import capsim.models.spec.StepSpec;
import capsim.models.spec.TierSpec;
import capsim.models.system.ReplicationResult.ScenarioResult;
import capsim.models.system.ReplicationResult.WindowRow;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * The failure scenarios of one replication, for the uptime estimate (docs/uptime.md). They run
 * as a continuation of the replication's own run, after its measured period and drain (the
 * system is warm, and the same request streams go on): the failure modes given to this
 * replication strike once each, one after another, each in its own block of windows, from the
 * window it strikes in (at a phase drawn uniformly in that window, as a real failure strikes at
 * any point of a window) to the end of its effect, plus one window for the backlog it may leave.
 * The phase and the node struck come from the stream {@code failure/scenario/NAME}.
 *
 * <p>Which replications strike which mode: each mode strikes in {@code uptime.strikes}
 * replications (all of them when there are fewer), dealt so that the replications get about the
 * same number of scenario windows (the longest block first, to the replications with the fewest
 * windows so far, lowest index on ties). The deal depends only on the model, never on the threads.
 * A replication that precision stopping adds past the file's count, r, strikes the modes of
 * replication r mod {@code replications}, with streams of its own: more replications add strikes
 * in the file's proportions, so they narrow the failure states' part of the uptime interval too.
 *
 * <p>A long outage holds the system in the same degraded state window after window, so only the
 * first few windows lying wholly between the onset (detection, failover) and the end of the
 * outage are simulated; the outage is cut short by the rest, a whole number of windows so every
 * later window keeps its phase, and each kept steady window stands for (steady windows) / (kept
 * windows) windows. How many are kept depends on the degraded state ({@link Shape}): when it is
 * stable (every tier that keeps nodes is offered less than its survivors can serve, by the
 * utilisation law U = X S / c on the model's offered load), its windows are alike and
 * {@link #STABLE_KEPT} stands for all. When survivors are overloaded, their backlog grows window
 * after window: {@link #UNSTABLE_KEPT} are kept. When a class must fail far more of its requests
 * than it may (a tier every one of them needs is gone, see {@link #certainlyDown}), every steady
 * window is down for certain and none is simulated. The backlog window after the effect is
 * simulated unless the state was stable with every survivor at most {@link #SETTLED_UTILIZATION}
 * busy and nothing (a cold cache) outlasts the outage: its queues are then a few requests long
 * and clear within the window the repair falls in. The survivors are counted on the nodes in
 * service when the block starts ({@link Fleet}: what a schedule or an autoscaler runs then), less
 * those the failure takes, plus those an autoscaled group replaces.
 *
 * <p>Two other spans are compressed the same way ({@link Spans}). A node an autoscaled group
 * replaces leaves its tier short-handed from its detection until the replacement is in service:
 * of the windows wholly inside that span, the first {@link #SHORT_HANDED_KEPT} are simulated and
 * the replacement boots as much faster as the rest last. A cache node back cold refills with a
 * missing share of hits m(t) = exp(-t ln 20 / refill_s) that only falls; when its misses load no
 * tier beyond {@link #SETTLED_UTILIZATION} ({@link #refillSettled}), each refill window's state is
 * set by its m, and a simulated refill window stands for itself and the later ones whose m is at
 * most {@link #REFILL_STEP} below its own; the cache is then taken on (its age set forward) to
 * the next window simulated. Fewer misses never make a window worse, so this is conservative:
 * it never overstates the uptime (docs/uptime.md).
 *
 * <p>The blocks run one after another after the main run's drain, each laid out when it starts;
 * the scenario period is declared long enough for the longest layout ({@link Judge#bound}) and
 * its windows are closed as the blocks are laid out, the last one after the scenarios' drain.
 *
 * <p>Everything runs in the replication's own thread, so it does not depend on the number of threads.
 */
final class FailureScenarios {
    /** Steady windows simulated of a long outage whose degraded state is stable. */
    static final int STABLE_KEPT = 1;
    /** Steady windows simulated of a long outage whose survivors are overloaded. */
    static final int UNSTABLE_KEPT = 3;
    /** Windows simulated of a replaced node's short-handed span, from its detection to its replacement in service. */
    static final int SHORT_HANDED_KEPT = 3;
    /**
     * A kept window of a cold cache's refill stands for the later windows whose share of the
     * steady hits still missing is at most this much lower than its own.
     */
    static final double REFILL_STEP = 0.05;
    /** Survivors at most this busy leave no backlog worth a window of its own after the repair. */
    static final double SETTLED_UTILIZATION = 0.9;
    /** A window is down for certain when the chance that it is up is below this. */
    static final double CERTAIN = 1e-9;

    /**
     * How a mode's block is simulated: {@code kept} steady windows of a long outage (0 when they
     * are down for certain), and whether the window after the effect is.
     */
    record Shape(int kept, boolean tail) {
    }

    /**
     * How the spans of a block other than a long outage's steady windows are simulated:
     * {@code shortHandedKept} windows of a replaced node's short-handed span (0: all of them), and
     * the {@code refillStep} by which a cold cache's kept refill windows stand for later ones (0:
     * every refill window simulated).
     */
    record Spans(int shortHandedKept, double refillStep) {
        /** Every window simulated. */
        static final Spans WHOLE = new Spans(0, 0);
    }

    /** How a mode's block is shaped when it strikes a fleet, and the most windows it can take. */
    interface Judge {
        /** The shape of {@code mode}'s block when it strikes {@code fleet}. */
        Shape shape(FailureMode mode, Fleet fleet);

        /** How the other spans of {@code mode}'s block are simulated when it strikes {@code fleet}. */
        Spans spans(FailureMode mode, Fleet fleet);

        /** A shape whose block, with spans {@link #boundSpans}, is at least as long as any other. */
        Shape bound(FailureMode mode);

        /** The spans of the longest block; see {@link #bound}. */
        Spans boundSpans(FailureMode mode);

        /** The judge that shapes every block as {@code shapes} says, whatever the fleet. */
        static Judge fixed(Function<FailureMode, Shape> shapes) {
            return new Judge() {
                @Override
                public Shape shape(FailureMode mode, Fleet fleet) {
                    return shapes.apply(mode);
                }

                @Override
                public Spans spans(FailureMode mode, Fleet fleet) {
                    return Spans.WHOLE;
                }

                @Override
                public Shape bound(FailureMode mode) {
                    return shapes.apply(mode);
                }

                @Override
                public Spans boundSpans(FailureMode mode) {
                    return Spans.WHOLE;
                }
            };
        }
    }

    /** One block of windows: where it starts, what each of its windows stands for, and the certain ones. */
    private record Block(FailureMode mode, int firstWindow, List<Double> weights, double downWindows) {
    }

    /** A mode dealt to this replication: its strike's phase in its first window and its stream. */
    private record Planned(FailureMode mode, double phaseS, RandomStream rng) {
    }

    private final List<Planned> planned;
    private final Judge judge;
    private final double windowS;
    private final int boundWindows;

    private FailureScenarios(List<Planned> planned, Judge judge, double windowS, int boundWindows) {
        this.planned = List.copyOf(planned);
        this.judge = judge;
        this.windowS = windowS;
        this.boundWindows = boundWindows;
    }

    /**
     * How each mode of {@code model} is simulated when it strikes the model file's node counts,
     * from its offered load (see the class comment).
     */
    static Function<FailureMode, Shape> shapes(ModelSpec model, Catalog catalog) {
        Judge judge = judge(model, catalog);
        Fleet file = Fleet.of(model);
        return mode -> judge.shape(mode, file);
    }

    /**
     * How each mode of {@code model} is simulated when it strikes a fleet (the nodes in service
     * then), from the model's offered load (see the class comment).
     */
    static Judge judge(ModelSpec model, Catalog catalog) {
        Map<String, Double> utilization = new HashMap<>(); // computed at the first mode: a model may have none
        return new Judge() {
            @Override
            public Shape shape(FailureMode mode, Fleet fleet) {
                double survivors = survivorUtilization(mode, model, utilization(), fleet);
                if (survivors >= 1) {
                    return new Shape(UNSTABLE_KEPT, true);
                }
                boolean tail = survivors > SETTLED_UTILIZATION || mode.effectS() > mode.outageS();
                return new Shape(certainlyDown(mode, model, fleet) ? 0 : STABLE_KEPT, tail);
            }

            @Override
            public Spans spans(FailureMode mode, Fleet fleet) {
                return new Spans(SHORT_HANDED_KEPT,
                        refillSettled(mode, model, catalog, utilization(), fleet) ? REFILL_STEP : 0);
            }

            /** The model's offered utilisation of each tier, computed once, when first asked. */
            private Map<String, Double> utilization() {
                if (utilization.isEmpty()) {
                    OfferedLoad.of(model, catalog).forEach(load -> utilization.put(load.tier(), load.utilization()));
                }
                return utilization;
            }

            @Override
            public Shape bound(FailureMode mode) {
                return new Shape(Math.max(UNSTABLE_KEPT, STABLE_KEPT), true);
            }

            @Override
            public Spans boundSpans(FailureMode mode) {
                return new Spans(SHORT_HANDED_KEPT, 0);
            }
        };
    }

    /**
     * True when a node of a cache that {@code mode} brings back cold (one of the cache tier's nodes
     * in service in {@code fleet}, missing every hit at first) loads no tier behind it beyond
     * {@link #SETTLED_UTILIZATION} of its nodes in service: then each refill window's state is set
     * by its own miss level, and its refill may be compressed (see the class comment).
     */
    static boolean refillSettled(FailureMode mode, ModelSpec model, Catalog catalog, Map<String, Double> utilization,
                                 Fleet fleet) {
        if (!(mode instanceof FailureMode.NodeDown node) || !node.impact().cold()) {
            return false;
        }
        double coldShare = 1.0 / Math.max(1, fleet.inService(node.tier()));
        for (OfferedLoad.TierLoad cold : OfferedLoad.of(model, catalog, t -> t.equals(node.tier()) ? 1 - coldShare : 1)) {
            int inService = fleet.inService(cold.tier());
            int count = model.tier(cold.tier()).map(TierSpec::count).orElseThrow();
            if (cold.utilization() > utilization.get(cold.tier())
                    && (inService == 0 || cold.utilization() * count / inService > SETTLED_UTILIZATION)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The highest utilisation, once {@code mode} has settled on the model file's node counts; see
     * {@link #survivorUtilization(FailureMode, ModelSpec, Map, Fleet)}.
     */
    static double survivorUtilization(FailureMode mode, ModelSpec model, Map<String, Double> utilization) {
        return survivorUtilization(mode, model, utilization, Fleet.of(model));
    }

    /**
     * The highest utilisation, once {@code mode} has settled after striking {@code fleet}, of a
     * tier that lost nodes for the whole outage and keeps some: the work the model offers it
     * ({@code utilization} on its file count) over the nodes left, those in service less those
     * taken plus those its autoscaled group has replaced (0 when none).
     */
    static double survivorUtilization(FailureMode mode, ModelSpec model, Map<String, Double> utilization,
                                      Fleet fleet) {
        List<Integer> taken = mode.taken(fleet);
        List<Integer> replaced = mode.replaced(taken);
        double highest = 0;
        for (int i = 0; i < mode.tiers().size(); i++) {
            if (mode.impacts().get(i).downS() < mode.outageS()) {
                continue; // back (failed over) by the onset
            }
            String tier = mode.tiers().get(i);
            int count = model.tier(tier).map(TierSpec::count).orElseThrow();
            int left = fleet.inService(tier) - taken.get(i) + replaced.get(i);
            if (left > 0) {
                highest = Math.max(highest, utilization.get(tier) * count / left);
            }
        }
        return highest;
    }

    /**
     * True when every window of {@code mode}'s settled state is down for certain: some class needs
     * a tier the mode took whole (every node, for the whole outage) in a share p of its requests
     * greater than the error ratio r it may fail in a window, and with n requests a window (a
     * quarter of its offered rate at the profile's lowest, for a closed class an upper bound),
     * the Chernoff bound P(errors <= r n) <= exp(-n D(r || p)) is below {@link #CERTAIN}
     * (Hoeffding, "Probability inequalities for sums of bounded random variables", JASA 1963).
     * Only for a stable settled state, in which requests reach the lost tier and fail there.
     */
    static boolean certainlyDown(FailureMode mode, ModelSpec model) {
        return certainlyDown(mode, model, Fleet.of(model));
    }

    /** As {@link #certainlyDown(FailureMode, ModelSpec)}, when {@code mode} strikes {@code fleet}. */
    static boolean certainlyDown(FailureMode mode, ModelSpec model, Fleet fleet) {
        List<Integer> taken = mode.taken(fleet);
        List<Integer> replaced = mode.replaced(taken);
        Set<String> gone = new HashSet<>();
        for (int i = 0; i < mode.tiers().size(); i++) {
            String tier = mode.tiers().get(i);
            if (mode.impacts().get(i).downS() >= mode.outageS()
                    && taken.get(i) > 0 && taken.get(i) - replaced.get(i) >= fleet.inService(tier)) {
                gone.add(tier);
            }
        }
        if (gone.isEmpty()) {
            return false;
        }
        List<OfferedLoad.ClassRate> rates = OfferedLoad.classRates(model);
        double windowS = model.uptime().windowS();
        for (int c = 0; c < rates.size(); c++) {
            ClassSpec spec = model.workload().classes().get(c);
            if (spec.arrival().kind() == ArrivalSpec.Kind.TRACE) {
                continue; // its lowest rate is not known here
            }
            double p = 1 - avoids(spec.steps(), gone);
            double r = errorBound(model, spec.name());
            double n = rates.get(c).ratePerS() * model.workload().profile().minMultiplier() * windowS / 4;
            if (p > r && n >= 1 && chernoff(n, r, p) < CERTAIN) {
                return true;
            }
        }
        return false;
    }

    /** The chance that a request running {@code steps} visits none of {@code gone}. */
    private static double avoids(List<StepSpec> steps, Set<String> gone) {
        double p = 1;
        for (StepSpec step : steps) {
            if (gone.contains(step.tier())) {
                return 0;
            }
            if (step.hitRatio().isPresent()) {
                double hit = step.hitRatio().getAsDouble();
                p *= hit + (1 - hit) * avoids(step.onMiss(), gone);
            }
        }
        return p;
    }

    /** The error ratio class {@code name} may fail in a window: its own SLO, else {@code uptime.max_error_ratio}. */
    private static double errorBound(ModelSpec model, String name) {
        String metric = "classes." + name + ".error_ratio";
        return model.slo().stream().filter(s -> s.metric().equals(metric) && s.max().isPresent())
                .mapToDouble(s -> s.max().getAsDouble()).findFirst().orElse(model.uptime().maxErrorRatio());
    }

    /** exp(-n D(r || p)), the Chernoff bound on P(Binomial(n, p) <= r n) for r < p. */
    static double chernoff(double n, double r, double p) {
        if (p >= 1) {
            return 0;
        }
        double d = (r > 0 ? r * Math.log(r / p) : 0) + (1 - r) * Math.log((1 - r) / (1 - p));
        return Math.exp(-n * d);
    }

    /**
     * The failure modes of {@code model} that strike in replication {@code replication}, in
     * file order: each mode in {@code uptime.strikes} of the run's replications (see the class
     * comment). A replication past the run's count (one that precision stopping adds) strikes what
     * replication {@code replication % replications} strikes.
     */
    static List<FailureMode> dealt(ModelSpec model, int replication, double windowS, Function<FailureMode, Shape> shapes) {
        List<FailureMode> modes = FailureModes.of(model);
        int replications = model.run().replications();
        int copies = Math.min(replications, model.uptime().strikes());
        double[] load = new double[replications];
        double[] expected = modes.stream().mapToDouble(m -> expectedWindows(m, windowS, shapes.apply(m))).toArray();
        List<Integer> order = IntStream.range(0, modes.size()).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -expected[i]).thenComparingInt(i -> i)).toList();
        int dealtAs = replication % replications;
        boolean[] mine = new boolean[modes.size()];
        for (int m : order) {
            List<Integer> emptiest = IntStream.range(0, replications).boxed()
                    .sorted(Comparator.comparingDouble((Integer r) -> load[r]).thenComparingInt(r -> r))
                    .limit(copies).toList();
            for (int r : emptiest) {
                load[r] += expected[m];
                mine[m] |= r == dealtAs;
            }
        }
        return IntStream.range(0, modes.size()).filter(i -> mine[i]).mapToObj(modes::get).toList();
    }

    /**
     * The windows a block of {@code mode} takes with its strike in the middle of its window, its
     * short-handed span and refill simulated whole (the deal's measure of a block).
     */
    private static double expectedWindows(FailureMode mode, double windowS, Shape shape) {
        return layout(mode, windowS / 2, windowS, shape, Spans.WHOLE).weights().size();
    }

    /**
     * The failure modes dealt to replication {@code replication} (by {@code shapes}, their shapes
     * on the model file's counts), to strike once each in windows of {@code windowS}, each block
     * shaped by {@code judge} when it starts; empty when none strikes here.
     */
    static Optional<FailureScenarios> plan(ModelSpec model, int replication, double windowS,
                                           Function<FailureMode, Shape> shapes, Judge judge) {
        List<FailureMode> modes = dealt(model, replication, windowS, shapes);
        if (modes.isEmpty()) {
            return Optional.empty();
        }
        RandomStreams streams = new RandomStreams(model.run().seed(), replication);
        List<Planned> planned = new ArrayList<>();
        int bound = 0;
        for (FailureMode mode : modes) {
            RandomStream rng = streams.stream("failure/scenario/" + mode.name());
            double phaseS = rng.nextDouble() * windowS;
            planned.add(new Planned(mode, phaseS, rng));
            bound += layout(mode, phaseS, windowS, judge.bound(mode), judge.boundSpans(mode)).weights().size();
        }
        return Optional.of(new FailureScenarios(planned, judge, windowS, bound));
    }

    /** The windows of one block: what each simulated one stands for, the certain ones, and what is cut. */
    private record Layout(List<Double> weights, double downWindows, Cuts cuts) {
    }

    /**
     * The block of {@code mode} striking at {@code phaseS} into its first window: a long outage's
     * steady windows as {@code shape} says, a replaced node's short-handed span and a cold cache's
     * refill as {@code spans} say (see the class comment).
     */
    private static Layout layout(FailureMode mode, double phaseS, double windowS, Shape shape, Spans spans) {
        int touched = (int) Math.ceil((phaseS + mode.effectS()) / windowS - 1e-9) + (shape.tail() ? 1 : 0);
        int firstSteady = (int) Math.ceil((phaseS + mode.onsetS()) / windowS - 1e-9);
        // the degraded state lasts until the outage is over, or the effect (a replaced node's) ends first
        double degradedS = Math.min(mode.outageS(), mode.effectS());
        int steady = Math.max(0, (int) Math.floor((phaseS + degradedS) / windowS + 1e-9) - firstSteady);
        int kept = shape.kept();
        int cut = Math.max(0, steady - kept);
        List<Double> weights = new ArrayList<>(Collections.nCopies(touched - cut, 1.0));
        for (int i = 0; cut > 0 && i < kept; i++) {
            weights.set(firstSteady + i, (double) steady / kept);
        }
        double bootCutS = 0;
        List<Cuts.RefillJump> jumps = List.of();
        if (mode instanceof FailureMode.NodeDown node) {
            Impact impact = node.impact();
            if (impact.replaced()) {
                bootCutS = shortHanded(impact, phaseS, windowS, spans.shortHandedKept(), weights);
            } else if (impact.cold() && spans.refillStep() > 0) {
                jumps = refill(impact, phaseS + impact.downS() - cut * windowS, windowS, spans.refillStep(), weights);
            }
        }
        return new Layout(weights, kept == 0 ? steady : 0, new Cuts(cut * windowS, bootCutS, jumps));
    }

    /**
     * Compresses the short-handed span of a replaced node (struck at {@code phaseS}): of the
     * windows lying wholly between its detection and its replacement in service, the first
     * {@code keep} are simulated, each standing for (span) / {@code keep}, and the replacement
     * boots as much faster as the windows left out last (at most its boot). Returns that cut, seconds.
     */
    private static double shortHanded(Impact impact, double phaseS, double windowS, int keep, List<Double> weights) {
        int first = (int) Math.ceil((phaseS + impact.detectS()) / windowS - 1e-9);
        int span = (int) Math.floor((phaseS + impact.backS()) / windowS + 1e-9) - first;
        int cut = Math.min(span - keep, (int) Math.floor(impact.bootS() / windowS + 1e-9));
        if (keep <= 0 || cut <= 0) {
            return 0;
        }
        weights.subList(first + keep, first + keep + cut).clear();
        for (int i = 0; i < keep; i++) {
            weights.set(first + i, (double) (keep + cut) / keep);
        }
        return cut * windowS;
    }

    /**
     * Compresses the refill of a cache back cold at {@code repairS} into its block: of the windows
     * lying wholly inside the refill, the first is simulated, and each simulated one stands for
     * itself and the later ones whose share of the steady hits still missing is at most
     * {@code step} below its own; the next simulated one takes the refill on to where its window
     * starts. Returns those jumps.
     */
    private static List<Cuts.RefillJump> refill(Impact impact, double repairS, double windowS, double step,
                                                List<Double> weights) {
        int first = (int) Math.ceil(repairS / windowS - 1e-9);
        int n = (int) Math.floor((repairS + impact.refillS()) / windowS + 1e-9) - first;
        List<Integer> kept = new ArrayList<>();
        double keptMissing = 2;
        for (int i = 0; i < n; i++) {
            double missing = 1 - CacheRefill.warmth((first + i) * windowS - repairS, impact.refillS());
            if (keptMissing - missing > step) {
                kept.add(i);
                keptMissing = missing;
            }
        }
        int m = kept.size();
        if (m == n) {
            return List.of();
        }
        weights.subList(first + m, first + n).clear();
        List<Cuts.RefillJump> jumps = new ArrayList<>();
        for (int q = 0; q <= m; q++) {
            int original = q < m ? kept.get(q) : n;
            if (q < m) {
                weights.set(first + q, (double) ((q + 1 < m ? kept.get(q + 1) : n) - original));
            }
            if (original != q) {
                jumps.add(new Cuts.RefillJump((first + q) * windowS - repairS, (first + original) * windowS - repairS));
            }
        }
        return jumps;
    }

    /** The most windows the scenarios can take, all blocks together: the scenario period's length. */
    int boundWindows() {
        return boundWindows;
    }

    /**
     * Runs the scenarios in {@code sim}, in {@code period} of {@code periods} (which starts now):
     * each block is shaped when it starts, by the nodes in service then ({@link Outages#fleet}),
     * and its windows closed at their ends, the last one after the scenarios' drain. Returns one
     * scenario per mode, a mode's rate from the nodes {@code main} kept in service on average.
     */
    List<ScenarioResult> run(Simulation sim, Outages outages, Periods periods, Period period,
                             ReplicationResult main) {
        planned.forEach(p -> outages.prepare(p.mode()));
        double startS = period.horizon().warmupS();
        List<Block> blocks = new ArrayList<>();
        int window = 0;
        for (int b = 0; b < planned.size(); b++) {
            Planned p = planned.get(b);
            Fleet fleet = outages.fleet();
            Layout l = layout(p.mode(), p.phaseS(), windowS, judge.shape(p.mode(), fleet), judge.spans(p.mode(), fleet));
            outages.inject(new Strike(p.mode(), startS + window * windowS + p.phaseS(), l.cuts(), p.rng()));
            blocks.add(new Block(p.mode(), window, l.weights(), l.downWindows()));
            int end = window + l.weights().size();
            double stopS = b == planned.size() - 1 ? startS + end * windowS + drainS(end) : Double.NaN;
            periods.scheduleWindows(sim, period, window, end, stopS);
            window = end;
            sim.runUntil(Double.isNaN(stopS) ? startS + window * windowS : stopS);
        }
        List<WindowRow> rows = ModelRunner.rows(period, window);
        List<ScenarioResult> results = new ArrayList<>();
        for (Block b : blocks) {
            double ratePerS = b.mode().ratePerS(tier -> main.tiers().get(tier).nodesMean());
            results.add(new ScenarioResult(b.mode().name(), ratePerS,
                    rows.subList(b.firstWindow(), b.firstWindow() + b.weights().size()), b.weights(),
                    b.downWindows()));
        }
        return results;
    }

    /** The drain after {@code windows} scenario windows: a tenth of them, at most 60 s (as a run's). */
    private double drainS(int windows) {
        return Math.min(60, windows * windowS / 10);
    }
}
