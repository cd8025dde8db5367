package capsim.models.spec;

/**
 * {@code run:} how to simulate. Defaults: 3600 s measured after 300 s of warm-up, 5
 * replications, seed 42.
 */
public record RunSpec(double durationS, double warmupS, int replications, long seed) {
    public static final RunSpec DEFAULT = new RunSpec(3600, 300, 5, 42);
}
