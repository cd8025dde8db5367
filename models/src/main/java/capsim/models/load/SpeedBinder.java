package capsim.models.load;

import capsim.models.catalog.Catalog;
import capsim.models.load.Values.Bound;
import capsim.models.spec.SpeedSpec;
import java.util.Optional;

/**
 * Binds the node-speed keys: a tier's {@code cpu_speed} (> 0, relative to the catalog's reference
 * type) and the {@code measured_on} of a tier or a step, which must name a catalog type
 * ({@code custom} has no speed of its own to measure on).
 */
final class SpeedBinder {
    static final String CPU_SPEED = "cpu_speed";
    static final String MEASURED_ON = "measured_on";

    private SpeedBinder() {
    }

    /** The {@code cpu_speed} and {@code measured_on} of tier {@code t}. */
    static SpeedSpec tier(Section t, Catalog catalog) {
        return new SpeedSpec(t.number(CPU_SPEED, Bound.POSITIVE), measuredOn(t, catalog));
    }

    /** The {@code measured_on} of {@code s}, if given and a catalog type; reports it otherwise. */
    static Optional<String> measuredOn(Section s, Catalog catalog) {
        Optional<String> type = s.string(MEASURED_ON);
        if (type.isPresent() && catalog.find(type.get()).isEmpty()) {
            String hint = Suggest.nearest(type.get(), catalog.names()).map(n -> "; did you mean '" + n + "'?")
                    .orElse(" (./capsim catalog lists the types)");
            s.reportKey(MEASURED_ON, "unknown node type '" + type.get() + "': measured_on names a catalog type"
                    + hint);
            return Optional.empty();
        }
        return type;
    }
}
