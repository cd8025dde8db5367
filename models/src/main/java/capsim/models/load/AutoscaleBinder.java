package capsim.models.load;

import capsim.models.spec.AutoscaleSpec;
import java.util.List;
import java.util.Optional;

/** Binds a tier's {@code autoscale:} section. */
final class AutoscaleBinder {
    static final List<String> KEYS = List.of("min", "max");

    private AutoscaleBinder() {
    }

    static Optional<AutoscaleSpec> bind(Section tier, int count, Problems problems) {
        return tier.section("autoscale", KEYS).map(a -> new AutoscaleSpec(
                a.requiredSmallInteger("min", 0).orElse(count), a.requiredSmallInteger("max", 1).orElse(count)));
    }
}
