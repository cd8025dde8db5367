package capsim.models.failure;

import capsim.engine.random.RandomStream;

/**
 * One failure of {@code mode} injected at {@code atS}, simulated with {@code cuts} (whole windows
 * of a steady or slowly changing state left out; see FailureScenarios); {@code rng} picks the node
 * it takes.
 */
public record Strike(FailureMode mode, double atS, Cuts cuts, RandomStream rng) {
    /** A strike whose longest outage is {@code cutS} shorter, nothing else cut. */
    public Strike(FailureMode mode, double atS, double cutS, RandomStream rng) {
        this(mode, atS, Cuts.outage(cutS), rng);
    }
}
