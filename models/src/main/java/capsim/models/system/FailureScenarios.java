package capsim.models.system;

import capsim.engine.random.RandomStream;
import capsim.engine.random.RandomStreams;
import capsim.models.failure.FailureMode;
import capsim.models.failure.FailureModes;
import capsim.models.failure.Strike;
import capsim.models.catalog.Catalog;
import capsim.models.system.ReplicationResult.ScenarioResult;
import capsim.models.system.ReplicationResult.WindowRow;
import capsim.models.spec.ModelSpec;
import capsim.models.spec.TierSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * The failure scenarios of one replication, for the uptime estimate (docs/uptime.md). They run
 * as a continuation of the replication's own run, after its measured period and drain (the
 * system is warm, and the same request streams go on): each failure mode strikes once, one
 * after another, each in its own block of windows, from the window it strikes in (at a phase
 * drawn uniformly in that window, as a real failure strikes at any point of a window) to one
 * window past the end of its effect (the backlog left behind). The phase and the node struck
 * come from the stream {@code failure/scenario/NAME}.
 *
 * <p>A long outage holds the system in the same degraded state window after window, so only the
 * first few windows lying wholly between the onset (detection, failover) and the end of the
 * outage are simulated; the outage is cut short by the rest, a whole number of windows so every
 * later window keeps its phase, and each kept steady window stands for (steady windows) / (kept
 * windows) windows. How many are kept depends on the degraded state. When it is stable (every
 * tier that keeps nodes is offered less than its survivors can serve, by the utilisation law
 * U = X S / c on the model's offered load), its windows are alike and {@link #STABLE_KEPT} stands
 * for all. When survivors are overloaded, their backlog grows window after window:
 * {@link #UNSTABLE_KEPT} are kept, and since the backlog at the repair grows with the outage, a
 * cut outage still leaves a shorter recovery tail.
 *
 * <p>Everything runs in the replication's own thread, so it does not depend on the number of threads.
 */
final class FailureScenarios {
    /** Steady windows simulated of a long outage whose degraded state is stable. */
    static final int STABLE_KEPT = 1;
    /** Steady windows simulated of a long outage whose survivors are overloaded. */
    static final int UNSTABLE_KEPT = 3;

    /** One block of windows: where it starts, and what each of its windows stands for. */
    private record Block(FailureMode mode, int firstWindow, List<Double> weights) {
    }

    private final List<Strike> strikes;
    private final List<Block> blocks;
    private final int windows;

    private FailureScenarios(List<Strike> strikes, List<Block> blocks, int windows) {
        this.strikes = List.copyOf(strikes);
        this.blocks = List.copyOf(blocks);
        this.windows = windows;
    }

    /**
     * How many steady windows to keep of each mode of {@code model}: {@link #STABLE_KEPT} when its
     * degraded state is stable, else {@link #UNSTABLE_KEPT}.
     */
    static ToIntFunction<FailureMode> steadyKept(ModelSpec model, Catalog catalog) {
        Map<String, Double> utilization = new HashMap<>(); // computed at the first mode: a model may have none
        return mode -> {
            if (utilization.isEmpty()) {
                OfferedLoad.of(model, catalog).forEach(load -> utilization.put(load.tier(), load.utilization()));
            }
            return stable(mode, model, utilization) ? STABLE_KEPT : UNSTABLE_KEPT;
        };
    }

    /**
     * True when, once {@code mode} has settled, every tier keeping nodes is offered less than they
     * serve: its count less the nodes taken, plus those its autoscaled group has replaced.
     */
    static boolean stable(FailureMode mode, ModelSpec model, Map<String, Double> utilization) {
        for (int i = 0; i < mode.tiers().size(); i++) {
            if (mode.impacts().get(i).downS() < mode.outageS()) {
                continue; // back (failed over) by the onset
            }
            String tier = mode.tiers().get(i);
            int count = model.tier(tier).map(TierSpec::count).orElseThrow();
            int left = count - mode.taken().get(i) + mode.replaced().get(i);
            if (left > 0 && utilization.get(tier) * count / left >= 1) {
                return false;
            }
        }
        return true;
    }

    /**
     * Every failure mode of {@code model} struck once in windows of {@code windowS} from
     * {@code startS}, for replication {@code replication}, a long outage keeping
     * {@code steadyKept} of its steady windows; empty without failure modes.
     */
    static Optional<FailureScenarios> plan(ModelSpec model, int replication, double windowS, double startS,
                                           ToIntFunction<FailureMode> steadyKept) {
        List<FailureMode> modes = FailureModes.of(model);
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
            int touched = (int) Math.ceil((phaseS + mode.effectS()) / windowS - 1e-9) + 1;
            int firstSteady = (int) Math.ceil((phaseS + mode.onsetS()) / windowS - 1e-9);
            int steady = Math.max(0, (int) Math.floor((phaseS + mode.outageS()) / windowS + 1e-9) - firstSteady);
            int kept = steadyKept.applyAsInt(mode);
            int cut = Math.max(0, steady - kept);
            List<Double> weights = new ArrayList<>(Collections.nCopies(touched - cut, 1.0));
            for (int i = 0; cut > 0 && i < kept; i++) {
                weights.set(firstSteady + i, (double) steady / kept);
            }
            strikes.add(new Strike(mode, startS + window * windowS + phaseS, cut * windowS, rng));
            blocks.add(new Block(mode, window, weights));
            window += touched - cut;
        }
        return Optional.of(new FailureScenarios(strikes, blocks, window));
    }

    /** The failures to strike, at their times. */
    List<Strike> strikes() {
        return strikes;
    }

    /** Windows the scenarios take, all blocks together. */
    int windows() {
        return windows;
    }

    /** The scenarios, one per mode, from the {@link #windows()} windows measured from the start. */
    List<ScenarioResult> results(List<WindowRow> rows) {
        List<ScenarioResult> results = new ArrayList<>();
        for (Block b : blocks) {
            results.add(new ScenarioResult(b.mode().name(), b.mode().ratePerS(),
                    rows.subList(b.firstWindow(), b.firstWindow() + b.weights().size()), b.weights()));
        }
        return results;
    }
}
