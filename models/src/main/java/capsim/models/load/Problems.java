package capsim.models.load;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the problems of one model file, so that all of them are reported at once. */
final class Problems {
    private final String file;
    private final List<ModelOverride> overrides;
    private final List<ModelError> errors = new ArrayList<>();

    Problems(String file) {
        this(file, List.of());
    }

    /** Problems of {@code file} changed by {@code overrides}: line -(k + 1) is the k-th override (see {@link Overrides}). */
    Problems(String file, List<ModelOverride> overrides) {
        this.file = file;
        this.overrides = List.copyOf(overrides);
    }

    /**
     * Records a problem at {@code line}:{@code column} (0 when unknown) about {@code keyPath}; a
     * negative line is a value given by an override, reported as that override.
     */
    void at(int line, int column, String keyPath, String message) {
        if (line < 0 && -line <= overrides.size()) {
            errors.add(new ModelError(overrides.get(-line - 1).label() + " (" + file + ")", 0, 0, keyPath, message));
        } else {
            errors.add(new ModelError(file, line, column, keyPath, message));
        }
    }

    /** Records a problem about the value {@code node} found at {@code keyPath}. */
    void at(Node node, String keyPath, String message) {
        at(node.line(), node.column(), keyPath, message);
    }

    boolean any() {
        return !errors.isEmpty();
    }

    /** The problems in file order (line, then column); unlocated ones first. */
    ModelException exception() {
        List<ModelError> sorted = new ArrayList<>(errors);
        sorted.sort(Comparator.comparingInt(ModelError::line).thenComparingInt(ModelError::column));
        return new ModelException(sorted);
    }

    /** {@code parent.key}, or {@code key} at the top. */
    static String child(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    /** {@code parent[index]}. */
    static String item(String parent, int index) {
        return parent + "[" + index + "]";
    }
}
