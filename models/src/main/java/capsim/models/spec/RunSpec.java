package capsim.models.spec;

/**
 * {@code run:} how to simulate. Defaults: 3600 s measured after 300 s of warm-up, 5
 * replications, seed 42, fidelity {@code auto}, no precision target, time-series windows of
 * {@value #DEFAULT_WINDOW_S} s ({@code window_s}: the rows of timeseries.csv; the uptime windows
 * are {@code uptime.window_s}, apart).
 *
 * <p>{@code precision.relative} ({@code precisionRelative}, 0: none): more replications are run,
 * up to {@code max_replications} ({@code maxReplications}), until every SLO metric's 95% interval
 * is within that relative half-width of its value or lies wholly on one side of its target.
 */
public record RunSpec(double durationS, double warmupS, int replications, long seed, Fidelity fidelity,
                      double precisionRelative, int maxReplications, double windowS) {
    /** Default length of a time-series window, seconds. */
    public static final double DEFAULT_WINDOW_S = 10;
    public static final RunSpec DEFAULT = new RunSpec(3600, 300, 5, 42, Fidelity.AUTO);

    /**
     * {@code run.fidelity}: which tiers are simulated node by node. {@code full}: every node of
     * every tier; {@code sampled}: a sample of the nodes of every tier that can be sampled;
     * {@code auto}: a sample where a tier has enough interchangeable nodes for it to pay
     * (docs/fidelity.md).
     */
    public enum Fidelity { FULL, SAMPLED, AUTO }

    public RunSpec {
        maxReplications = Math.max(maxReplications, replications);
        if (!(windowS > 0)) {
            throw new IllegalArgumentException("window_s must be > 0, was " + windowS);
        }
    }

    /** Settings at fidelity {@code fidelity}, without a precision target, with the default time-series window. */
    public RunSpec(double durationS, double warmupS, int replications, long seed, Fidelity fidelity) {
        this(durationS, warmupS, replications, seed, fidelity, 0, replications, DEFAULT_WINDOW_S);
    }

    /** Settings at the default fidelity ({@code auto}). */
    public RunSpec(double durationS, double warmupS, int replications, long seed) {
        this(durationS, warmupS, replications, seed, Fidelity.AUTO);
    }

    /** These settings at fidelity {@code f}. */
    public RunSpec withFidelity(Fidelity f) {
        return new RunSpec(durationS, warmupS, replications, seed, f, precisionRelative, maxReplications, windowS);
    }

    /** True when replications are added until a precision target is met. */
    public boolean precise() {
        return precisionRelative > 0;
    }
}
