package capsim.engine.capacity;

import capsim.engine.dist.Distribution;
import capsim.engine.random.RandomStream;
import java.util.Objects;

/**
 * Full stops of a node (garbage-collection pauses, CPU steal, kernel stalls): an alternating
 * renewal process of up times Exp(mean 1 / {@code ratePerS}) at speed 1 and stalls of
 * {@code durationS} at speed 0. Stalls therefore come at rate {@code ratePerS} while the node
 * is up, and the node is stalled a share r E[D] / (1 + r E[D]) of the time. The path starts up.
 * Work a stall interrupts resumes after it (preemptive-resume).
 */
public final class Stalls implements PieceSource {
    private final double meanUpS;
    private final Distribution durationS;
    private final RandomStream rng;
    private boolean stalledNext;

    /** @param durationS stall lengths in seconds (mean > 0) */
    public Stalls(double ratePerS, Distribution durationS, RandomStream rng) {
        if (!(ratePerS > 0) || Double.isInfinite(ratePerS)) {
            throw new IllegalArgumentException("stall rate must be > 0 and finite, was " + ratePerS);
        }
        this.meanUpS = 1 / ratePerS;
        this.durationS = Objects.requireNonNull(durationS, "durationS");
        this.rng = Objects.requireNonNull(rng, "rng");
    }

    @Override
    public Piece next() {
        boolean stalled = stalledNext;
        stalledNext = !stalledNext;
        double d = stalled ? durationS.sample(rng) : rng.nextExponential(meanUpS);
        return new Piece(Math.max(Double.MIN_NORMAL, d), stalled ? 0 : 1);
    }
}
