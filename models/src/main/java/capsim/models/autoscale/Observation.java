package capsim.models.autoscale;

/**
 * What the autoscaler saw over the metric period ending at {@code nowS}: the metric averaged
 * over the {@code ready} nodes whose metric counts (NaN when none does or the period is empty),
 * and the current desired {@code capacity} (booting, warming and failed nodes included).
 */
public record Observation(double nowS, double metric, int ready, int capacity) {
    public boolean hasMetric() {
        return !Double.isNaN(metric);
    }

    /** Nodes in the capacity whose metric does not count: booting, warming up or down. */
    public int notReady() {
        return Math.max(0, capacity - ready);
    }
}
