package capsim.models.load;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the problems of one model file, so that all of them are reported at once. */
final class Problems {
    private final String file;
    private final List<ModelError> errors = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    /** Records a problem at {@code line}:{@code column} (0 when unknown) about {@code keyPath}. */
    void at(int line, int column, String keyPath, String message) {
        errors.add(new ModelError(file, line, column, keyPath, message));
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
