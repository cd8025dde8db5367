package capsim.models.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The node types capsim knows by name. */
public final class Catalog {
    private final Map<String, NodeType> types;

    public Catalog(Map<String, NodeType> types) {
        this.types = Map.copyOf(types);
    }

    /** The built-in catalog (resource {@code capsim/models/catalog/node-types.yaml}). */
    public static Catalog builtIn() {
        throw new UnsupportedOperationException("built-in catalog is not written yet");
    }

    public Optional<NodeType> find(String name) {
        return Optional.ofNullable(types.get(name));
    }

    public List<String> names() {
        return types.keySet().stream().sorted().toList();
    }
}
