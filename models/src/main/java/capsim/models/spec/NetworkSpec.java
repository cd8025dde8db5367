package capsim.models.spec;

/**
 * {@code network:}; {@code hop_ms} is added to every visit to a tier (default 0.5 ms),
 * {@code cross_zone_ms} instead when the visit goes to a node in another zone than the
 * request's previous node (default 1 ms: FACTS.md, "between zones about 1 ms"). {@code regions}
 * holds the model's {@code regions} with {@code network.region_ms}, the latency between them
 * (default {@link RegionsSpec#NONE}).
 */
public record NetworkSpec(double hopMs, double crossZoneMs, RegionsSpec regions) {
    public static final double DEFAULT_CROSS_ZONE_MS = 1;
    public static final NetworkSpec DEFAULT = new NetworkSpec(0.5, DEFAULT_CROSS_ZONE_MS);

    /** A network with the default cross-zone hop. */
    public NetworkSpec(double hopMs) {
        this(hopMs, DEFAULT_CROSS_ZONE_MS);
    }

    /** A network without regions. */
    public NetworkSpec(double hopMs, double crossZoneMs) {
        this(hopMs, crossZoneMs, RegionsSpec.NONE);
    }
}
