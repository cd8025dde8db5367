package capsim.models.failure;

import capsim.engine.random.RandomStream;

/**
 * One failure of {@code mode} injected at {@code atS}, its longest outage {@code cutS} shorter
 * than the mode's (whole windows of steady degraded state left out; see FailureScenarios);
 * {@code rng} picks the node it takes.
 */
public record Strike(FailureMode mode, double atS, double cutS, RandomStream rng) {
}
