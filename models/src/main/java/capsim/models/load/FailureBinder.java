package capsim.models.load;

import capsim.models.load.Values.Bound;
import capsim.models.spec.FailureSpec;
import capsim.models.spec.ManagedSpec;
import java.util.List;
import java.util.Optional;

/** Binds a tier's {@code failures:} and {@code managed:} sections. */
final class FailureBinder {
    static final List<String> NODE_KEYS = List.of("mtbf_h", "mttr_s", "detect_s");
    static final List<String> MANAGED_KEYS = List.of("kind", "multi_az", "mtbf_h", "failover_s", "recovery_s",
            "refill_s");

    private FailureBinder() {
    }

    static Optional<FailureSpec> bindNode(Section tier, Problems problems) {
        return tier.section("failures", NODE_KEYS).map(f -> new FailureSpec(
                f.requiredNumber("mtbf_h", Bound.POSITIVE).orElse(1),
                f.requiredNumber("mttr_s", Bound.POSITIVE).orElse(1),
                f.number("detect_s", Bound.NON_NEGATIVE).orElse(30)));
    }

    static Optional<ManagedSpec> bindManaged(Section tier, Problems problems) {
        return tier.section("managed", MANAGED_KEYS).map(m -> new ManagedSpec(
                m.choice("kind", ManagedSpec.Kind.class, true).orElse(ManagedSpec.Kind.DATABASE),
                false,
                m.requiredNumber("mtbf_h", Bound.POSITIVE).orElse(1),
                m.number("failover_s", Bound.POSITIVE).orElse(90),
                m.number("recovery_s", Bound.POSITIVE).orElse(600),
                m.number("refill_s", Bound.POSITIVE).orElse(300)));
    }
}
