package capsim.models.load;

import capsim.models.load.Values.Bound;
import capsim.models.spec.UptimeSpec;
import capsim.models.spec.ZoneFailureSpec;
import java.util.List;
import java.util.Optional;

/**
 * Binds the model's {@code uptime:} settings (defaults {@link UptimeSpec#DEFAULT}: 60 s windows,
 * at most 1% errors in a window, a 30-day month, each failure mode struck in 1 replication) and its zone {@code failures: {zone: {mtbf_h,
 * mttr_s}}} (both required).
 */
final class UptimeBinder {
    static final List<String> KEYS = List.of("window_s", "max_error_ratio", "days", "strikes");
    static final List<String> ZONE_KEYS = List.of("zone");

    private UptimeBinder() {
    }

    static UptimeSpec bind(Section root, Problems problems) {
        UptimeSpec d = UptimeSpec.DEFAULT;
        return root.section("uptime", KEYS).map(u -> new UptimeSpec(
                u.number("window_s", Bound.POSITIVE).orElse(d.windowS()),
                u.number("max_error_ratio", Bound.UNIT).orElse(d.maxErrorRatio()),
                u.number("days", Bound.POSITIVE).orElse(d.days()),
                (int) u.integer("strikes", 1).orElse(d.strikes()))).orElse(d);
    }

    static Optional<ZoneFailureSpec> bindZones(Section root, Problems problems) {
        return root.section("failures", ZONE_KEYS).flatMap(f -> f.section("zone", List.of("mtbf_h", "mttr_s")))
                .map(z -> new ZoneFailureSpec(z.requiredNumber("mtbf_h", Bound.POSITIVE).orElse(1),
                        z.requiredNumber("mttr_s", Bound.POSITIVE).orElse(1)));
    }
}
