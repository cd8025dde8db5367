package capsim.models.spec;

/** {@code autoscale:} on a tier: the node count moves between {@code min} and {@code max}. */
public record AutoscaleSpec(int min, int max) {
}
