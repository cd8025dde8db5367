package capsim.engine.capacity;

import capsim.engine.random.RandomStream;
import java.util.Objects;

/**
 * Speed levels with exponential dwell times (a continuous-time Markov chain that visits the
 * levels in the order given, cyclically): level i lasts Exp(mean {@code meanS[i]}) and is
 * followed by level i+1. In the long run level i holds a share meanS[i] / sum(meanS) of the
 * time; the first level is drawn with those shares and its dwell is a full exponential one
 * (memoryless, so the path is stationary from time 0).
 */
public final class Regimes implements PieceSource {
    private final double[] speed;
    private final double[] meanS;
    private final RandomStream rng;
    private int level = -1;

    /** @param speed the levels' speeds (> 0); {@code meanS} their mean dwell times, seconds (> 0) */
    public Regimes(double[] speed, double[] meanS, RandomStream rng) {
        if (speed.length == 0 || speed.length != meanS.length) {
            throw new IllegalArgumentException("regimes need as many dwell means as speeds, at least one");
        }
        for (int i = 0; i < speed.length; i++) {
            if (!(speed[i] > 0) || !(meanS[i] > 0) || Double.isInfinite(speed[i]) || Double.isInfinite(meanS[i])) {
                throw new IllegalArgumentException("regime " + i + " needs speed > 0 and mean_s > 0");
            }
        }
        this.speed = speed.clone();
        this.meanS = meanS.clone();
        this.rng = Objects.requireNonNull(rng, "rng");
    }

    @Override
    public Piece next() {
        if (level < 0) {
            level = stationaryLevel();
        } else {
            level = (level + 1) % speed.length;
        }
        return new Piece(Math.max(Double.MIN_NORMAL, rng.nextExponential(meanS[level])), speed[level]);
    }

    /** The long-run share of time at each level: meanS[i] / sum(meanS). */
    public double[] timeShares() {
        double total = 0;
        for (double m : meanS) {
            total += m;
        }
        double[] share = new double[meanS.length];
        for (int i = 0; i < meanS.length; i++) {
            share[i] = meanS[i] / total;
        }
        return share;
    }

    private int stationaryLevel() {
        double[] share = timeShares();
        double u = rng.nextDouble();
        for (int i = 0; i < share.length - 1; i++) {
            u -= share[i];
            if (u < 0) {
                return i;
            }
        }
        return share.length - 1;
    }
}
