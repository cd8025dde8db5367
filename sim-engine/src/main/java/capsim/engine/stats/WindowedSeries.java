package capsim.engine.stats;

/**
 * A time series in fixed windows of {@code windowS} seconds from {@code startS} to {@code endS}
 * (the last window is cut at endS). Per window it keeps:
 * <ul>
 * <li>latencies recorded at a time: count, exact mean and percentiles, in a small HdrHistogram
 *     (2 significant digits, so percentiles within 1%) created when the window gets its first value;
 * <li>busy time: {@link #addBusy} splits an interval over the windows it spans, each getting
 *     weight x overlap exactly (for utilisation per window);
 * <li>a level (nodes, queue length): a piecewise-constant value whose time average per window is
 *     integrated exactly, as in {@link TimeWeighted}.
 * </ul>
 * Times outside [startS, endS) are ignored (intervals are clipped to it).
 */
public final class WindowedSeries {
    private static final int WINDOW_DIGITS = 2;
    private final double startS;
    private final double endS;
    private final double windowS;
    private final int windowCount;
    private final LatencyRecorder[] latency;
    private final double[] busy;
    private final double[] levelIntegral;
    private double level;
    private double levelSinceS = Double.NEGATIVE_INFINITY;
    private int hot;
    private double hotStartS = Double.NaN;
    private double hotEndS = Double.NaN;

    /** Windows of {@code windowS} > 0 covering [startS, endS), endS > startS. */
    public WindowedSeries(double startS, double endS, double windowS) {
        if (!(windowS > 0) || !(endS > startS) || !Double.isFinite(endS - startS)) {
            throw new IllegalArgumentException("windows need windowS > 0 and finite startS < endS, were windowS="
                    + windowS + ", startS=" + startS + ", endS=" + endS);
        }
        this.startS = startS;
        this.endS = endS;
        this.windowS = windowS;
        // ceil, tolerant of rounding in (endS - startS) / windowS so an exact fit gives no sliver window
        this.windowCount = Math.max(1, (int) Math.ceil((endS - startS) / windowS - 1e-9));
        this.latency = new LatencyRecorder[windowCount];
        this.busy = new double[windowCount];
        this.levelIntegral = new double[windowCount];
    }

    public int windowCount() {
        return windowCount;
    }

    /** Start of window {@code i}, seconds. */
    public double windowStartS(int i) {
        return startS + i * windowS;
    }

    /** End of window {@code i}, seconds (endS for the last). */
    public double windowEndS(int i) {
        return i == windowCount - 1 ? endS : startS + (i + 1) * windowS;
    }

    /** Length of window {@code i}, seconds. */
    public double windowLengthS(int i) {
        return windowEndS(i) - windowStartS(i);
    }

    /** Records a latency of {@code latencyS} observed at {@code timeS}. */
    public void recordLatency(double timeS, double latencyS) {
        if (!(timeS >= startS && timeS < endS)) {
            return;
        }
        int i = index(timeS);
        if (latency[i] == null) {
            latency[i] = new LatencyRecorder(WINDOW_DIGITS);
        }
        latency[i].recordSeconds(latencyS);
    }

    /** Latencies recorded in window {@code i}. */
    public long count(int i) {
        return latency[i] == null ? 0 : latency[i].count();
    }

    /** Mean latency in window {@code i}, ms (0 without values). */
    public double meanMs(int i) {
        return latency[i] == null ? 0 : latency[i].meanMs();
    }

    /** Latency at {@code percentile} (0..100) in window {@code i}, ms (0 without values). */
    public double percentileMs(int i, double percentile) {
        return latency[i] == null ? 0 : latency[i].percentileMs(percentile);
    }

    /** The 99th percentile latency in window {@code i}, ms (0 without values). */
    public double p99Ms(int i) {
        return percentileMs(i, 99);
    }

    /** Adds {@code weight} (e.g. busy servers) held from {@code fromS} to {@code toS}. */
    public void addBusy(double fromS, double toS, double weight) {
        spread(busy, fromS, toS, weight);
    }

    /** Busy integral of window {@code i}, weight x seconds. */
    public double busy(int i) {
        return busy[i];
    }

    /** Time-averaged busy weight of window {@code i} (busy / window length). */
    public double busyAverage(int i) {
        return busy[i] / windowLengthS(i);
    }

    /** The level changes to {@code newValue} at {@code timeS} (not before its last change); it starts at 0. */
    public void updateLevel(double timeS, double newValue) {
        if (timeS < levelSinceS) {
            throw new IllegalArgumentException("level time must not go backwards: " + timeS + " < " + levelSinceS);
        }
        spread(levelIntegral, levelSinceS, timeS, level);
        level = newValue;
        levelSinceS = timeS;
    }

    /** Time-averaged level in window {@code i}, the current level held until the window's end. */
    public double levelAverage(int i) {
        double ws = windowStartS(i);
        double we = windowEndS(i);
        double current = Math.max(0, we - Math.max(levelSinceS, ws));
        return (levelIntegral[i] + level * current) / (we - ws);
    }

    /** Adds weight x overlap of [fromS, toS) with each window. */
    private void spread(double[] into, double fromS, double toS, double weight) {
        double a = Math.max(fromS, startS);
        double b = Math.min(toS, endS);
        if (!(b > a) || weight == 0) {
            return;
        }
        if (a >= hotStartS && b <= hotEndS) {
            into[hot] += weight * (b - a); // the common case: inside the window last used
            return;
        }
        int first = index(a);
        if (first > 0 && windowStartS(first) > a) {
            first--; // rounding put a just past a window boundary
        }
        if (b <= windowEndS(first)) {
            hot = first;
            hotStartS = windowStartS(first);
            hotEndS = windowEndS(first);
            into[first] += weight * (b - a);
            return;
        }
        for (int i = first; i < windowCount; i++) {
            double ws = windowStartS(i);
            if (ws >= b) {
                break;
            }
            double overlap = Math.min(b, windowEndS(i)) - Math.max(a, ws);
            if (overlap > 0) {
                into[i] += weight * overlap;
            }
        }
    }

    private int index(double timeS) {
        return Math.min(windowCount - 1, (int) ((timeS - startS) / windowS));
    }
}
