package capsim.experiments.summary;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A number in summary.json named by its dotted path ({@code classes.api.latency_ms.p99};
 * array elements by index, {@code ...p99_ci95.1}).
 */
public final class MetricPath {
    private MetricPath() {
    }

    /** The number at {@code path}, empty when there is none. */
    public static OptionalDouble number(JsonNode root, String path) {
        Optional<JsonNode> node = find(root, path);
        return node.isPresent() && node.get().isNumber()
                ? OptionalDouble.of(node.get().asDouble()) : OptionalDouble.empty();
    }

    /** Why {@code path} names no number in {@code root} (e.g. "no 'apii' under 'classes' (has: api)"); empty when it does. */
    public static Optional<String> problem(JsonNode root, String path) {
        JsonNode node = root;
        String at = "";
        for (String segment : path.split("\\.", -1)) {
            JsonNode child = child(node, segment);
            if (child == null) {
                String where = at.isEmpty() ? "the summary" : "'" + at + "'";
                return Optional.of("no '" + segment + "' in " + where + hint(node));
            }
            node = child;
            at = at.isEmpty() ? segment : at + "." + segment;
        }
        return node.isNumber() ? Optional.empty() : Optional.of("'" + path + "' is not a number" + hint(node));
    }

    /** The node at {@code path}. */
    public static Optional<JsonNode> find(JsonNode root, String path) {
        JsonNode node = root;
        for (String segment : path.split("\\.", -1)) {
            node = child(node, segment);
            if (node == null) {
                return Optional.empty();
            }
        }
        return Optional.of(node);
    }

    private static JsonNode child(JsonNode node, String segment) {
        if (node.isObject()) {
            return node.get(segment);
        }
        if (node.isArray() && segment.matches("\\d{1,9}")) {
            return node.get(Integer.parseInt(segment));
        }
        return null;
    }

    private static String hint(JsonNode node) {
        if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            return " (has: " + String.join(", ", names) + ")";
        }
        if (node.isArray()) {
            return " (an array of " + node.size() + ")";
        }
        return "";
    }
}
