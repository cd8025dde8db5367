package capsim.engine.capacity;

import java.util.Arrays;
import java.util.Objects;

/**
 * A {@link CapacityPath} made of pieces of constant speed from a {@link PieceSource}, starting
 * at time 0 and generated lazily as far as questions reach. Keeps, per piece, its start time
 * and C at its start (the work done since 0), so C(t) and C^-1(c) are a binary search away.
 * C is non-decreasing; it is flat during a stall, and C^-1(c) is the earliest time C reaches c,
 * so a job that needs any work at all waits out a stall it meets.
 *
 * <p>Pieces that end before the time given to {@link #forgetBefore} are dropped in batches, so
 * a long run holds only the pieces still ahead of its clock.
 */
public final class PiecewiseCapacity implements CapacityPath {
    private static final int COMPACT_AT = 1024;

    private final PieceSource source;
    private double[] startS = new double[64];
    private double[] cumS = new double[64];
    private double[] speed = new double[64];
    private int first;
    private int size;
    /** End of the last piece generated, and C there. */
    private double endS;
    private double endCumS;

    public PiecewiseCapacity(PieceSource source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    @Override
    public double workBetween(double fromS, double toS) {
        return cumulative(toS) - cumulative(fromS);
    }

    @Override
    public double finishTime(double startS, double workS) {
        if (workS <= 0) {
            return startS;
        }
        return Math.max(startS, timeAt(cumulative(startS) + workS));
    }

    @Override
    public void forgetBefore(double nowS) {
        int i = pieceAt(nowS);
        if (i - first >= COMPACT_AT && i - first >= (size - first) / 2) {
            int keep = size - i;
            System.arraycopy(startS, i, startS, 0, keep);
            System.arraycopy(cumS, i, cumS, 0, keep);
            System.arraycopy(speed, i, speed, 0, keep);
            first = 0;
            size = keep;
        } else if (i > first) {
            first = i;
        }
    }

    /** C(t): work done by a server busy throughout [0, t]. */
    public double cumulative(double t) {
        while (endS <= t) {
            grow();
        }
        int i = pieceAt(t);
        return cumS[i] + speed[i] * (t - startS[i]);
    }

    /** C^-1(c): the earliest time C reaches {@code c}. */
    public double timeAt(double c) {
        while (endCumS < c || size == 0) {
            grow();
        }
        // the last piece whose start has C < c: its speed is > 0 since C rises past c within it
        int lo = first;
        int hi = size - 1;
        if (!(cumS[lo] < c)) {
            return startS[lo];
        }
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (cumS[mid] < c) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        double t = startS[lo] + (c - cumS[lo]) / speed[lo];
        double end = lo + 1 < size ? startS[lo + 1] : endS;
        return Math.min(t, end);
    }

    /**
     * The earliest time at or after {@code t} at which the path runs: {@code t}, or the end of the
     * stopped stretch (speed 0, such as a stall) holding it.
     */
    public double resumeAt(double t) {
        int i = pieceAt(t);
        if (speed[i] > 0) {
            return t;
        }
        while (speed[i] == 0) {
            if (i + 1 == size) {
                grow();
            }
            i++;
        }
        return startS[i];
    }

    /** The index of the piece holding {@code t} (t at or after the first kept piece). */
    private int pieceAt(double t) {
        while (endS <= t || size == 0) {
            grow();
        }
        if (t < startS[first]) {
            throw new IllegalStateException("time " + t + " is before the capacity path kept (from "
                    + startS[first] + ")");
        }
        int lo = first;
        int hi = size - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (startS[mid] <= t) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private void grow() {
        Piece p = source.next();
        if (size == startS.length) {
            startS = Arrays.copyOf(startS, size * 2);
            cumS = Arrays.copyOf(cumS, size * 2);
            speed = Arrays.copyOf(speed, size * 2);
        }
        startS[size] = endS;
        cumS[size] = endCumS;
        speed[size] = p.speed();
        size++;
        endS += p.durationS();
        endCumS += p.durationS() * p.speed();
    }
}
