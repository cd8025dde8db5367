package capsim.models.tier;

/**
 * The measured part of a run: from {@code warmupS} (the end of warm-up) to {@code endS}, cut
 * into uptime windows of {@code windowS} and time-series windows of {@code seriesS} (the same
 * windows when the two lengths agree). A request or visit is measured when it arrives inside
 * [warmupS, endS); it counts as finished if it finishes by {@link #stopS()}, after a drain of
 * {@code drainS} in which arrivals go on.
 */
public record Horizon(double warmupS, double endS, double windowS, double drainS, double seriesS) {
    public Horizon {
        if (!(endS > warmupS) || !(windowS > 0) || !(drainS >= 0) || !(seriesS > 0)) {
            throw new IllegalArgumentException("bad horizon " + warmupS + ".." + endS + " by " + windowS
                    + " (series " + seriesS + ") drain " + drainS);
        }
    }

    /** A horizon whose time-series windows are its uptime windows. */
    public Horizon(double warmupS, double endS, double windowS, double drainS) {
        this(warmupS, endS, windowS, drainS, windowS);
    }

    /** A horizon without drain. */
    public Horizon(double warmupS, double endS, double windowS) {
        this(warmupS, endS, windowS, 0);
    }

    public boolean measures(double arrivalS) {
        return arrivalS >= warmupS && arrivalS < endS;
    }

    /** When the run stops: the end plus the drain. Work finishing later is never seen to finish. */
    public double stopS() {
        return endS + drainS;
    }

    /** True when something finishing at {@code timeS} finishes within the run. */
    public boolean finishesInRun(double timeS) {
        return timeS <= stopS();
    }

    public double measuredS() {
        return endS - warmupS;
    }

    /** Number of uptime windows (the last one may be shorter). */
    public int windows() {
        return count(windowS);
    }

    /** True when the time-series windows differ from the uptime windows and are kept apart. */
    public boolean separateSeries() {
        return seriesS != windowS;
    }

    /** Number of time-series windows (the last one may be shorter). */
    public int seriesWindows() {
        return count(seriesS);
    }

    private int count(double lengthS) {
        return (int) Math.ceil((endS - warmupS) / lengthS - 1e-9);
    }
}
