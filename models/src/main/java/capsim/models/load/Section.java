package capsim.models.load;

import capsim.models.load.Values.Bound;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One mapping of the model file read through typed accessors. Creating it reports keys that are
 * not allowed there (with the nearest allowed key as a suggestion); each accessor reports a
 * missing required key (at the mapping), a wrong type or an out-of-range value (at the value),
 * and returns empty in that case.
 */
final class Section {
    private final Node.MapNode map;
    private final String path;
    private final Problems problems;

    private Section(Node.MapNode map, String path, Problems problems) {
        this.map = map;
        this.path = path;
        this.problems = problems;
    }

    /** {@code node} as a mapping with keys from {@code allowed}; reports anything else. */
    static Optional<Section> of(Node node, String path, Collection<String> allowed, Problems problems) {
        if (!(node instanceof Node.MapNode map)) {
            problems.at(node, path, "expected a mapping (key: value lines), found " + node.describe());
            return Optional.empty();
        }
        for (Node.Entry e : map.entries().values()) {
            if (!allowed.contains(e.key())) {
                String hint = Suggest.nearest(e.key(), allowed).map(c -> "; did you mean '" + c + "'?")
                        .orElse(" (allowed here: " + String.join(", ", allowed) + ")");
                problems.at(e.line(), e.column(), Problems.child(path, e.key()),
                        "unknown key '" + e.key() + "'" + hint);
            }
        }
        return Optional.of(new Section(map, path, problems));
    }

    String path() {
        return path;
    }

    /** The key path of {@code key} in this mapping. */
    String path(String key) {
        return Problems.child(path, key);
    }

    Node node() {
        return map;
    }

    Problems problems() {
        return problems;
    }

    boolean has(String key) {
        return map.entries().containsKey(key);
    }

    Optional<Node> get(String key) {
        return Optional.ofNullable(map.entries().get(key)).map(Node.Entry::value);
    }

    /** The value of {@code key}; reports it missing. */
    Optional<Node> require(String key) {
        Optional<Node> value = get(key);
        if (value.isEmpty()) {
            problems.at(map, path(key), "missing required key '" + key + "'");
        }
        return value;
    }

    /** Reports {@code message} at the key {@code key} (which must be present). */
    void reportKey(String key, String message) {
        Node.Entry e = map.entries().get(key);
        problems.at(e.line(), e.column(), path(key), message);
    }

    /** Reports every present key outside {@code applicable}: it does not apply to {@code what}. */
    void onlyFor(Collection<String> applicable, String what) {
        for (Node.Entry e : map.entries().values()) {
            if (!applicable.contains(e.key())) {
                problems.at(e.line(), e.column(), path(e.key()), "'" + e.key() + "' does not apply to " + what
                        + " (it takes: " + String.join(", ", applicable) + ")");
            }
        }
    }

    Optional<String> string(String key) {
        return get(key).flatMap(n -> Values.string(n, path(key), problems));
    }

    Optional<String> requiredString(String key) {
        return require(key).flatMap(n -> Values.string(n, path(key), problems));
    }

    OptionalDouble number(String key, Bound bound) {
        return number(get(key), key, bound);
    }

    OptionalDouble requiredNumber(String key, Bound bound) {
        return number(require(key), key, bound);
    }

    private OptionalDouble number(Optional<Node> node, String key, Bound bound) {
        return node.isEmpty() ? OptionalDouble.empty() : Values.number(node.get(), path(key), bound, problems);
    }

    OptionalLong integer(String key, long min) {
        return get(key).map(n -> Values.integer(n, path(key), min, problems)).orElse(OptionalLong.empty());
    }

    OptionalLong requiredInteger(String key, long min) {
        return require(key).map(n -> Values.integer(n, path(key), min, problems)).orElse(OptionalLong.empty());
    }

    OptionalInt smallInteger(String key, long min) {
        return get(key).map(n -> Values.smallInteger(n, path(key), min, problems)).orElse(OptionalInt.empty());
    }

    OptionalInt requiredSmallInteger(String key, long min) {
        return require(key).map(n -> Values.smallInteger(n, path(key), min, problems)).orElse(OptionalInt.empty());
    }

    /** A string that must be one of {@code choices}; reports others with a suggestion. */
    Optional<String> oneOf(String key, List<String> choices, boolean required) {
        Optional<String> value = required ? requiredString(key) : string(key);
        if (value.isPresent() && !choices.contains(value.get())) {
            problems.at(get(key).orElseThrow(), path(key), "'" + value.get() + "' is not one of "
                    + String.join(", ", choices) + Suggest.didYouMean(value.get(), choices));
            return Optional.empty();
        }
        return value;
    }

    /** An enum constant written in lower snake case ({@code ROUND_ROBIN} as {@code round_robin}). */
    <E extends Enum<E>> Optional<E> choice(String key, Class<E> type, boolean required) {
        List<String> names = Arrays.stream(type.getEnumConstants()).map(Section::fileName).toList();
        return oneOf(key, names, required).map(v -> type.getEnumConstants()[names.indexOf(v)]);
    }

    /** How the enum constant {@code e} is written in a model file. */
    static String fileName(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    Optional<Section> section(String key, Collection<String> allowed) {
        return get(key).flatMap(n -> of(n, path(key), allowed, problems));
    }

    Optional<Section> requiredSection(String key, Collection<String> allowed) {
        return require(key).flatMap(n -> of(n, path(key), allowed, problems));
    }

    /** A list; with {@code required} it must be present and not empty. */
    Optional<List<Node>> list(String key, boolean required) {
        Optional<Node> node = required ? require(key) : get(key);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        if (!(node.get() instanceof Node.ListNode list)) {
            problems.at(node.get(), path(key), "expected a list, found " + node.get().describe());
            return Optional.empty();
        }
        if (required && list.items().isEmpty()) {
            problems.at(list, path(key), "must list at least one entry");
            return Optional.empty();
        }
        return Optional.of(list.items());
    }
}
