package capsim.models.spec;

import java.util.List;
import java.util.OptionalDouble;

/**
 * The model's {@code regions} (each a {@code share} of the clients and the {@code zones} it
 * holds) and {@code network.region_ms} (the one-way latency of a hop between two regions, the
 * same both ways). Without regions ({@link #NONE}) the model has none and runs as before.
 */
public record RegionsSpec(List<Region> regions, List<Link> links) {
    /** No regions: every hop costs {@code hop_ms} or {@code cross_zone_ms}. */
    public static final RegionsSpec NONE = new RegionsSpec(List.of(), List.of());

    public RegionsSpec {
        regions = List.copyOf(regions);
        links = List.copyOf(links);
    }

    /** A region: its name, the share of requests and messages that start there, its zones. */
    public record Region(String name, double share, List<String> zones) {
        public Region {
            zones = List.copyOf(zones);
        }
    }

    /** One-way latency of a hop between regions {@code from} and {@code to}, either way, ms. */
    public record Link(String from, String to, double ms) {
        /** True when this link joins regions {@code a} and {@code b}. */
        public boolean joins(String a, String b) {
            return from.equals(a) && to.equals(b) || from.equals(b) && to.equals(a);
        }
    }

    /** True when the model names regions. */
    public boolean given() {
        return !regions.isEmpty();
    }

    /** The latency between two distinct regions, ms; empty when {@code region_ms} does not give it. */
    public OptionalDouble ms(String a, String b) {
        return links.stream().filter(l -> l.joins(a, b)).mapToDouble(Link::ms).findFirst();
    }
}
