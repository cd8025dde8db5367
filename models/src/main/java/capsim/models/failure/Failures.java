package capsim.models.failure;

import capsim.engine.random.RandomStream;

/** How one run treats failures: none (the normal state), as they come, or one injected at a set time. */
@FunctionalInterface
public interface Failures {
    /** Sets up the failures of a run on its built system, before the clock starts. */
    void install(Outages outages);

    /** No failures: the normal state. */
    static Failures none() {
        return outages -> { };
    }

    /** Every failure process of the model runs (MTBF / MTTR), failures happen as they come. */
    static Failures asTheyCome() {
        return Outages::startAll;
    }

    /** One failure of {@code mode} strikes at {@code atS}; {@code rng} picks the node. */
    static Failures injected(FailureMode mode, double atS, RandomStream rng) {
        return outages -> outages.inject(mode, atS, rng);
    }
}
