package capsim.models.load;

import capsim.models.spec.CostSpec;
import java.util.List;

/** Binds the model's {@code cost:} section. */
final class CostBinder {
    static final List<String> KEYS = List.of("lines");

    private CostBinder() {
    }

    static CostSpec bind(Section root, Problems problems) {
        return root.section("cost", KEYS).map(c -> CostSpec.NONE).orElse(CostSpec.NONE);
    }
}
