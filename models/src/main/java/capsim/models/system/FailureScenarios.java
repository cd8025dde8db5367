package capsim.models.system;

import capsim.engine.random.RandomStream;
import capsim.engine.random.RandomStreams;
import capsim.models.failure.FailureMode;
import capsim.models.failure.FailureModes;
import capsim.models.failure.Failures;
import capsim.models.failure.Strike;
import capsim.models.system.ReplicationResult.ScenarioResult;
import capsim.models.spec.ModelSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The failure scenarios of one replication, for the uptime estimate (docs/uptime.md). One run of
 * the same model (same seed and replication, so the same requests as the normal run) in which,
 * after warm-up, each failure mode strikes once, one after another, each in its own block of
 * windows: from the window it strikes in (at a phase drawn uniformly in that window, as a real
 * failure strikes at any point of a window) to one window past the end of its effect (the backlog
 * left behind). The phase and the node struck come from the stream {@code failure/scenario/NAME}.
 *
 * <p>A long outage holds the system in the same degraded state window after window, so only the
 * first {@link #STEADY_WINDOWS_KEPT} windows lying wholly between the onset (detection, failover)
 * and the end of the outage are simulated; the outage is cut short by the rest, a whole number
 * of windows so every later window keeps its phase, and each kept steady window stands for
 * (steady windows) / {@link #STEADY_WINDOWS_KEPT} windows. Where the survivors are overloaded the
 * backlog at the repair grows with the outage, so a cut outage leaves a shorter recovery tail.
 *
 * <p>Everything runs in the replication's own thread, so it does not depend on the number of threads.
 */
final class FailureScenarios {
    /** Steady degraded windows simulated of a long outage. */
    static final int STEADY_WINDOWS_KEPT = 3;

    /** Runs the model once for {@code durationS} measured seconds with {@code failures}. */
    @FunctionalInterface
    interface Runner {
        ReplicationResult run(double durationS, Failures failures);
    }

    /** The scenarios of one replication and the events it took to simulate them. */
    record Scenarios(List<ScenarioResult> results, long events) {
    }

    /** One block of windows: where it starts, how many windows, and what each stands for. */
    private record Block(FailureMode mode, int firstWindow, List<Double> weights) {
    }

    private FailureScenarios() {
    }

    /** Every failure mode of {@code model} struck once, for replication {@code replication}. */
    static Scenarios run(ModelSpec model, int replication, double windowS, Runner runner) {
        return run(model, replication, windowS, STEADY_WINDOWS_KEPT, runner);
    }

    /** As {@link #run(ModelSpec, int, double, Runner)}, keeping {@code steadyKept} steady windows of an outage. */
    static Scenarios run(ModelSpec model, int replication, double windowS, int steadyKept, Runner runner) {
        List<FailureMode> modes = FailureModes.of(model);
        if (modes.isEmpty()) {
            return new Scenarios(List.of(), 0);
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
            int cut = Math.max(0, steady - steadyKept);
            List<Double> weights = new ArrayList<>(Collections.nCopies(touched - cut, 1.0));
            for (int i = 0; cut > 0 && i < steadyKept; i++) {
                weights.set(firstSteady + i, (double) steady / steadyKept);
            }
            strikes.add(new Strike(mode, model.run().warmupS() + window * windowS + phaseS, cut * windowS, rng));
            blocks.add(new Block(mode, window, weights));
            window += touched - cut;
        }
        ReplicationResult run = runner.run(window * windowS, Failures.injected(strikes));
        List<ScenarioResult> results = new ArrayList<>();
        for (Block b : blocks) {
            results.add(new ScenarioResult(b.mode().name(), b.mode().ratePerS(),
                    run.windows().subList(b.firstWindow(), b.firstWindow() + b.weights().size()), b.weights()));
        }
        return new Scenarios(results, run.events());
    }
}
