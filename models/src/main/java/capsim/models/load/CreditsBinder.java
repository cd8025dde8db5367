package capsim.models.load;

import capsim.models.load.Values.Bound;
import capsim.models.spec.CreditsSpec;
import java.util.List;
import java.util.Optional;

/** Binds a tier's {@code credits:} section (burstable node types). */
final class CreditsBinder {
    static final List<String> KEYS = List.of("mode", "initial");

    private CreditsBinder() {
    }

    static Optional<CreditsSpec> bind(Section tier, String nodeType, Problems problems) {
        return tier.section("credits", KEYS).map(c -> new CreditsSpec(
                c.choice("mode", CreditsSpec.Mode.class, false).orElse(CreditsSpec.DEFAULT.mode()),
                c.number("initial", Bound.NON_NEGATIVE).orElse(CreditsSpec.DEFAULT.initialCredits())));
    }
}
