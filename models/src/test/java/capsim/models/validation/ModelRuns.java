package capsim.models.validation;

import capsim.models.catalog.Catalog;
import capsim.models.load.ModelException;
import capsim.models.load.ModelLoader;
import capsim.models.spec.ModelSpec;
import capsim.models.system.Accounting;
import capsim.models.system.ModelRunner;
import capsim.models.system.ReplicationResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Loads a model from YAML text, as a user's file would be, and runs its replications. */
final class ModelRuns {
    /**
     * Tolerance in standard errors for the model-level checks. With R replications,
     * (mean - truth) / SE follows a Student t with R - 1 degrees of freedom: P(|t_9| > 5) is
     * about 7e-4 and P(|t_19| > 5) about 8e-5, so a correct simulator fails rarely (and, the
     * seeds being fixed, never flickers).
     */
    static final double Z = 5;

    private ModelRuns() {
    }

    /** The model in {@code yaml}; a loader error fails the test with its messages. */
    static ModelSpec parse(String yaml) {
        try {
            return new ModelLoader(Catalog.builtIn()).parse(yaml, "test.yaml");
        } catch (ModelException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** As {@link #parse(String)}, resolving file names (a trace) against {@code folder}. */
    static ModelSpec parse(String yaml, Path folder) {
        try {
            return new ModelLoader(Catalog.builtIn()).parse(yaml, "test.yaml", folder);
        } catch (ModelException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    /** Replications 0 .. run.replications - 1 of {@code model}, in order. */
    static List<ReplicationResult> runAll(ModelSpec model) {
        ModelRunner runner = new ModelRunner(model);
        List<ReplicationResult> results = new ArrayList<>();
        for (int r = 0; r < model.run().replications(); r++) {
            results.add(Accounting.checked(runner.run(r)));
        }
        return results;
    }
}
