package capsim.models.system;

import capsim.engine.random.RandomStream;
import capsim.engine.random.RandomStreams;
import capsim.models.catalog.Catalog;
import capsim.models.failure.FailureMode;
import capsim.models.failure.FailureModes;
import capsim.models.failure.Strike;
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
 * and clear within the window the repair falls in.
 *
 * <p>Everything runs in the replication's own thread, so it does not depend on the number of threads.
 */
final class FailureScenarios {
    /** Steady windows simulated of a long outage whose degraded state is stable. */
    static final int STABLE_KEPT = 1;
    /** Steady windows simulated of a long outage whose survivors are overloaded. */
    static final int UNSTABLE_KEPT = 3;
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

    /** One block of windows: where it starts, what each of its windows stands for, and the certain ones. */
    private record Block(FailureMode mode, int firstWindow, List<Double> weights, double downWindows) {
    }

    private final List<Strike> strikes;
    private final List<Block> blocks;
    private final int windows;

    private FailureScenarios(List<Strike> strikes, List<Block> blocks, int windows) {
        this.strikes = List.copyOf(strikes);
        this.blocks = List.copyOf(blocks);
        this.windows = windows;
    }

    /** How each mode of {@code model} is simulated, from its offered load (see the class comment). */
    static Function<FailureMode, Shape> shapes(ModelSpec model, Catalog catalog) {
        Map<String, Double> utilization = new HashMap<>(); // computed at the first mode: a model may have none
        return mode -> {
            if (utilization.isEmpty()) {
                OfferedLoad.of(model, catalog).forEach(load -> utilization.put(load.tier(), load.utilization()));
            }
            double survivors = survivorUtilization(mode, model, utilization);
            if (survivors >= 1) {
                return new Shape(UNSTABLE_KEPT, true);
            }
            boolean tail = survivors > SETTLED_UTILIZATION || mode.effectS() > mode.outageS();
            return new Shape(certainlyDown(mode, model) ? 0 : STABLE_KEPT, tail);
        };
    }

    /**
     * The highest utilisation, once {@code mode} has settled, of a tier that lost nodes for the
     * whole outage and keeps some: its offered utilisation x count / nodes left, counting those its
     * autoscaled group has replaced (0 when none).
     */
    static double survivorUtilization(FailureMode mode, ModelSpec model, Map<String, Double> utilization) {
        double highest = 0;
        for (int i = 0; i < mode.tiers().size(); i++) {
            if (mode.impacts().get(i).downS() < mode.outageS()) {
                continue; // back (failed over) by the onset
            }
            String tier = mode.tiers().get(i);
            int count = model.tier(tier).map(TierSpec::count).orElseThrow();
            int left = count - mode.taken().get(i) + mode.replaced().get(i);
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
        Set<String> gone = new HashSet<>();
        for (int i = 0; i < mode.tiers().size(); i++) {
            String tier = mode.tiers().get(i);
            int count = model.tier(tier).map(TierSpec::count).orElseThrow();
            if (mode.impacts().get(i).downS() >= mode.outageS()
                    && mode.taken().get(i) - mode.replaced().get(i) >= count) {
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
     * file order: each mode in {@code uptime.strikes} of the run's replications (see the class comment).
     */
    static List<FailureMode> dealt(ModelSpec model, int replication, double windowS, Function<FailureMode, Shape> shapes) {
        List<FailureMode> modes = FailureModes.of(model);
        int replications = model.run().replications();
        int copies = Math.min(replications, model.uptime().strikes());
        double[] load = new double[replications];
        double[] expected = modes.stream().mapToDouble(m -> expectedWindows(m, windowS, shapes.apply(m))).toArray();
        List<Integer> order = IntStream.range(0, modes.size()).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -expected[i]).thenComparingInt(i -> i)).toList();
        boolean[] mine = new boolean[modes.size()];
        for (int m : order) {
            List<Integer> emptiest = IntStream.range(0, replications).boxed()
                    .sorted(Comparator.comparingDouble((Integer r) -> load[r]).thenComparingInt(r -> r))
                    .limit(copies).toList();
            for (int r : emptiest) {
                load[r] += expected[m];
                mine[m] |= r == replication;
            }
        }
        return IntStream.range(0, modes.size()).filter(i -> mine[i]).mapToObj(modes::get).toList();
    }

    /** The windows a block of {@code mode} takes with its strike in the middle of its window. */
    private static double expectedWindows(FailureMode mode, double windowS, Shape shape) {
        return layout(mode, windowS / 2, windowS, shape).weights().size();
    }

    /**
     * The failure modes dealt to replication {@code replication} struck once each in windows of
     * {@code windowS} from {@code startS}, shaped by {@code shapes}; empty when none strikes here.
     */
    static Optional<FailureScenarios> plan(ModelSpec model, int replication, double windowS, double startS,
                                           Function<FailureMode, Shape> shapes) {
        List<FailureMode> modes = dealt(model, replication, windowS, shapes);
        if (modes.isEmpty()) {
            return Optional.empty();
        }
        RandomStreams streams = new RandomStreams(model.run().seed(), replication);
        List<Strike> strikes = new ArrayList<>();
        List<Block> blocks = new ArrayList<>();
        int window = 0;
        for (FailureMode mode : modes) {
            RandomStream rng = streams.stream("failure/scenario/" + mode.name());
            double phaseS = rng.nextDouble() * windowS;
            Layout l = layout(mode, phaseS, windowS, shapes.apply(mode));
            strikes.add(new Strike(mode, startS + window * windowS + phaseS, l.cutS(), rng));
            blocks.add(new Block(mode, window, l.weights(), l.downWindows()));
            window += l.weights().size();
        }
        return Optional.of(new FailureScenarios(strikes, blocks, window));
    }

    /** The windows of one block: what each simulated one stands for, the certain ones, and the outage cut. */
    private record Layout(List<Double> weights, double downWindows, double cutS) {
    }

    /** The block of {@code mode} striking at {@code phaseS} into its first window. */
    private static Layout layout(FailureMode mode, double phaseS, double windowS, Shape shape) {
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
        return new Layout(weights, kept == 0 ? steady : 0, cut * windowS);
    }

    /** The failures to strike, at their times. */
    List<Strike> strikes() {
        return strikes;
    }

    /** Windows the scenarios take, all blocks together. */
    int windows() {
        return windows;
    }

    /**
     * The scenarios, one per mode, from the {@link #windows()} windows measured from the start; a
     * mode's rate from the nodes {@code main} kept in service on average.
     */
    List<ScenarioResult> results(List<WindowRow> rows, ReplicationResult main) {
        List<ScenarioResult> results = new ArrayList<>();
        for (Block b : blocks) {
            double ratePerS = b.mode().ratePerS(tier -> main.tiers().get(tier).nodesMean());
            results.add(new ScenarioResult(b.mode().name(), ratePerS,
                    rows.subList(b.firstWindow(), b.firstWindow() + b.weights().size()), b.weights(),
                    b.downWindows()));
        }
        return results;
    }
}
