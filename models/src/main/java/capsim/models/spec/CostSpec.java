package capsim.models.spec;

import java.util.List;

/** {@code cost:} lines the model adds to the node bill (storage, transfer, CDN...). */
public record CostSpec(List<String> lines) {
    public static final CostSpec NONE = new CostSpec(List.of());

    public CostSpec {
        lines = List.copyOf(lines);
    }
}
