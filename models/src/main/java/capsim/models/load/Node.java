package capsim.models.load;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A value of a parsed model file with where it starts (1-based line and column). Jackson's
 * {@code JsonNode} forgets locations, so {@link TreeReader} builds this small tree instead and the
 * binders report every problem at the line and column it comes from.
 */
sealed interface Node permits Node.MapNode, Node.ListNode, Node.Scalar {
    int line();

    int column();

    /** Values in this subtree, counting each alias as often as it is used. */
    long size();

    /** What the value is, for messages: "a mapping", "a string ('abc')", ... */
    String describe();

    /** One key of a mapping, where the key is written, and its value. */
    record Entry(String key, int line, int column, Node value) {
    }

    /** A mapping; entries keep the file's order. */
    record MapNode(int line, int column, Map<String, Entry> entries, long size) implements Node {
        public MapNode {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        @Override
        public String describe() {
            return "a mapping";
        }
    }

    /** A sequence. */
    record ListNode(int line, int column, List<Node> items, long size) implements Node {
        public ListNode {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    /**
     * A scalar. {@code text} is the value as written, except integers, which are in canonical
     * decimal form (so {@code 0x10} and {@code 1_000} read as 16 and 1000); {@code number} is the
     * numeric value of a number.
     */
    record Scalar(int line, int column, Kind kind, String text, double number) implements Node {
        public enum Kind { STRING, INTEGER, FLOAT, BOOLEAN, NULL }

        @Override
        public long size() {
            return 1;
        }

        @Override
        public String describe() {
            return switch (kind) {
                case STRING -> "a string ('" + text + "')";
                case INTEGER, FLOAT -> "a number (" + text + ")";
                case BOOLEAN -> "a boolean (" + text + ")";
                case NULL -> "no value";
            };
        }

        public boolean isNumber() {
            return kind == Kind.INTEGER || kind == Kind.FLOAT;
        }
    }
}
