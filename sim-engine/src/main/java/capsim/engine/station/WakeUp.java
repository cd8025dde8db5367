package capsim.engine.station;

import capsim.engine.dist.Distribution;
import capsim.engine.random.RandomStream;
import java.util.Objects;

/**
 * What a node pays to start serving after being idle: a job that finds the node idle waits a
 * wake-up before its service starts, and jobs arriving meanwhile wait with it (an idle virtual
 * CPU being rescheduled by its host, caches gone cold, a CPU leaving a deep idle state). After
 * an idle time g the wake-up lasts U (1 - e^{-g / idleScale}), U drawn from {@code durationS}:
 * a node that was idle only briefly is still warm. With {@code idleScaleS} 0 every wake-up is a
 * full U. In queueing terms, setup times (Welch, "On a generalized M/G/1 queuing process in
 * which the first customer of each busy period receives exceptional service", 1964; the
 * M/G/1 with setup in Harchol-Balter, "Performance Modeling and Design of Computer Systems",
 * 2013, ch. 27), with the setup depending on the idle period before it. Because a busy node
 * never wakes up, the cost fades with load: the share of jobs that find the node idle is
 * 1 - rho, and the idle times shorten.
 */
public final class WakeUp {
    /** No wake-up: an idle node serves at once. */
    public static final WakeUp NONE = new WakeUp(null, 0, null);

    private final Distribution durationS;
    private final double idleScaleS;
    private final RandomStream rng;

    private WakeUp(Distribution durationS, double idleScaleS, RandomStream rng) {
        this.durationS = durationS;
        this.idleScaleS = idleScaleS;
        this.rng = rng;
    }

    /**
     * @param durationS  the full wake-up U, seconds
     * @param idleScaleS the idle time over which the node cools, seconds (>= 0; 0: always full)
     */
    public static WakeUp of(Distribution durationS, double idleScaleS, RandomStream rng) {
        if (!(idleScaleS >= 0) || Double.isInfinite(idleScaleS)) {
            throw new IllegalArgumentException("idle scale must be >= 0 and finite, was " + idleScaleS);
        }
        return new WakeUp(Objects.requireNonNull(durationS, "durationS"), idleScaleS,
                Objects.requireNonNull(rng, "rng"));
    }

    /** The wake-up after {@code idleS} seconds idle (0 for {@link #NONE}). */
    public double afterIdle(double idleS) {
        if (durationS == null) {
            return 0;
        }
        double u = durationS.sample(rng);
        return idleScaleS == 0 ? u : u * -Math.expm1(-Math.max(0, idleS) / idleScaleS);
    }

    /** True for {@link #NONE}. */
    public boolean none() {
        return durationS == null;
    }
}
