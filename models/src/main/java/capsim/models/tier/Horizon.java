package capsim.models.tier;

/**
 * The measured part of a run: from {@code warmupS} (the end of warm-up) to {@code endS}, cut
 * into time-series windows of {@code windowS}. A request or visit is measured when it arrives
 * inside [warmupS, endS).
 */
public record Horizon(double warmupS, double endS, double windowS) {
    public Horizon {
        if (!(endS > warmupS) || !(windowS > 0)) {
            throw new IllegalArgumentException("bad horizon " + warmupS + ".." + endS + " by " + windowS);
        }
    }

    public boolean measures(double arrivalS) {
        return arrivalS >= warmupS && arrivalS < endS;
    }

    public double measuredS() {
        return endS - warmupS;
    }

    /** Number of windows (the last one may be shorter). */
    public int windows() {
        return (int) Math.ceil((endS - warmupS) / windowS - 1e-9);
    }
}
