package capsim.models.spec;

/** {@code network:}; {@code hop_ms} is added to every visit to a tier (default 0.5 ms). */
public record NetworkSpec(double hopMs) {
    public static final NetworkSpec DEFAULT = new NetworkSpec(0.5);
}
