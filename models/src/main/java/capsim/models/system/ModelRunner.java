package capsim.models.system;

import capsim.models.spec.ModelSpec;

/** Builds the simulated system of a model and runs one replication of it. */
public final class ModelRunner {
    private final ModelSpec model;

    public ModelRunner(ModelSpec model) {
        this.model = model;
    }

    /**
     * Runs replication {@code replication} (0-based) with the model's run settings; streams are
     * seeded from (run.seed, replication, source name).
     */
    public ReplicationResult run(int replication) {
        throw new UnsupportedOperationException("not written yet: " + model.name() + " #" + replication);
    }
}
