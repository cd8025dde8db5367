package capsim.models.system;

import capsim.engine.random.RandomStream;
import capsim.engine.random.RandomStreams;
import capsim.models.failure.FailureMode;
import capsim.models.failure.FailureModes;
import capsim.models.failure.Failures;
import capsim.models.spec.ModelSpec;
import capsim.models.system.ReplicationResult.ScenarioResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The short failure scenarios of one replication, for the uptime estimate (docs/uptime.md): for
 * each failure mode of the model, the same model (same seed and replication, so the same
 * requests up to the failure) with one failure injected after warm-up, at a phase drawn
 * uniformly in the first window (a real failure strikes at any point of a window), simulated for
 * the windows its effect touches plus one (the backlog left behind). The phase and the node
 * struck come from the stream {@code failure/scenario/NAME}. Scenarios run one after another in
 * the replication's own thread, so they do not depend on the number of threads.
 */
final class FailureScenarios {
    /** Runs the model once for {@code durationS} measured seconds with {@code failures}. */
    @FunctionalInterface
    interface Runner {
        ReplicationResult run(double durationS, Failures failures);
    }

    private FailureScenarios() {
    }

    /** One scenario per failure mode of {@code model}, for replication {@code replication}. */
    static List<ScenarioResult> run(ModelSpec model, int replication, double windowS, Runner runner) {
        RandomStreams streams = new RandomStreams(model.run().seed(), replication);
        List<ScenarioResult> scenarios = new ArrayList<>();
        for (FailureMode mode : FailureModes.of(model)) {
            RandomStream rng = streams.stream("failure/scenario/" + mode.name());
            double phaseS = rng.nextDouble() * windowS;
            int windows = (int) Math.ceil((phaseS + mode.effectS()) / windowS - 1e-9) + 1;
            ReplicationResult r = runner.run(windows * windowS,
                    Failures.injected(mode, model.run().warmupS() + phaseS, rng));
            scenarios.add(new ScenarioResult(mode.name(), mode.ratePerS(), r.windows(), r.events()));
        }
        return scenarios;
    }
}
