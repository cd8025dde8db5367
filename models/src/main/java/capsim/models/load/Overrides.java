package capsim.models.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies {@link ModelOverride}s to a parsed model tree, in order. A map key that is missing is
 * added (its name is then checked with the rest of the file); a list item is found by its
 * {@code name}, or by index in a list of unnamed items. The new values are placed at line
 * {@code -(k + 1)} for the k-th override, which {@link Problems} reports as that override, so a
 * value the model's checks refuse is reported as the {@code --set} that gave it.
 */
final class Overrides {
    private final Problems problems;

    private Overrides(Problems problems) {
        this.problems = problems;
    }

    /** {@code root} with every override applied; problems with a path or a value are reported. */
    static Node apply(Node root, List<ModelOverride> overrides, Problems problems) {
        Overrides applier = new Overrides(problems);
        Node tree = root;
        for (int k = 0; k < overrides.size(); k++) {
            ModelOverride o = overrides.get(k);
            Optional<Node> value = applier.value(o, -(k + 1));
            if (value.isPresent()) {
                tree = applier.set(tree, o, 0, "", value.get(), -(k + 1)).orElse(tree);
            }
        }
        return tree;
    }

    /** The override's value read as YAML (an empty value is null), placed at {@code line}. */
    private Optional<Node> value(ModelOverride o, int line) {
        if (o.value().isEmpty()) {
            return Optional.of(new Node.Scalar(line, 0, Node.Scalar.Kind.NULL, "", Double.NaN));
        }
        Problems own = new Problems(o.label());
        Optional<Node> read = TreeReader.read(o.value(), false, own);
        if (own.any()) {
            own.exception().errors().forEach(e -> problems.at(line, 0, "", "cannot read the value: "
                    + e.message()));
            return Optional.empty();
        }
        return read.map(n -> relocate(n, line));
    }

    /** {@code node} with {@code o}'s value set at its segments from {@code i}; empty after a reported problem. */
    private Optional<Node> set(Node node, ModelOverride o, int i, String at, Node value, int line) {
        List<String> segments = o.segments();
        String segment = segments.get(i);
        boolean last = i == segments.size() - 1;
        String here = at.isEmpty() ? segment : at + "." + segment;
        if (node instanceof Node.MapNode map) {
            Node.Entry entry = map.entries().get(segment);
            Optional<Node> child = last ? Optional.of(value)
                    : set(entry == null ? emptyMap(line) : entry.value(), o, i + 1, here, value, line);
            return child.map(c -> withEntry(map, entry == null ? new Node.Entry(segment, line, 0, c)
                    : new Node.Entry(segment, entry.line(), entry.column(), c)));
        }
        if (node instanceof Node.ListNode list) {
            Optional<Integer> index = find(list, segment, o, at, line);
            if (index.isEmpty()) {
                return Optional.empty();
            }
            Optional<Node> child = last ? Optional.of(value)
                    : set(list.items().get(index.get()), o, i + 1, here, value, line);
            return child.map(c -> withItem(list, index.get(), c));
        }
        problems.at(line, 0, "", "'" + at + "' is " + node.describe() + ", which has no '" + segment + "'");
        return Optional.empty();
    }

    /** The index of the item named {@code segment} (or at that index, in a list of unnamed items). */
    private Optional<Integer> find(Node.ListNode list, String segment, ModelOverride o, String at, int line) {
        List<String> names = new ArrayList<>();
        for (int j = 0; j < list.items().size(); j++) {
            Optional<String> name = nameOf(list.items().get(j));
            if (name.isPresent() && name.get().equals(segment)) {
                return Optional.of(j);
            }
            name.ifPresent(names::add);
        }
        if (names.isEmpty() && segment.matches("\\d{1,9}") && Integer.parseInt(segment) < list.items().size()) {
            return Optional.of(Integer.parseInt(segment));
        }
        String message = names.isEmpty()
                ? "'" + at + "' is a list of " + list.items().size() + " unnamed items: give an index, 0 to "
                        + (list.items().size() - 1) + ", not '" + segment + "'"
                : "no '" + segment + "' in '" + at + "' (has: " + String.join(", ", names) + ")"
                        + Suggest.didYouMean(segment, names);
        problems.at(line, 0, "", message);
        return Optional.empty();
    }

    private static Optional<String> nameOf(Node item) {
        if (item instanceof Node.MapNode map && map.entries().get("name") != null
                && map.entries().get("name").value() instanceof Node.Scalar s && s.kind() != Node.Scalar.Kind.NULL) {
            return Optional.of(s.text());
        }
        return Optional.empty();
    }

    private static Node.MapNode emptyMap(int line) {
        return new Node.MapNode(line, 0, Map.of(), 1);
    }

    private static Node.MapNode withEntry(Node.MapNode map, Node.Entry entry) {
        Map<String, Node.Entry> entries = new LinkedHashMap<>(map.entries());
        entries.put(entry.key(), entry);
        return new Node.MapNode(map.line(), map.column(), entries,
                1 + entries.values().stream().mapToLong(e -> e.value().size()).sum());
    }

    private static Node.ListNode withItem(Node.ListNode list, int index, Node item) {
        List<Node> items = new ArrayList<>(list.items());
        items.set(index, item);
        return new Node.ListNode(list.line(), list.column(), items,
                1 + items.stream().mapToLong(Node::size).sum());
    }

    /** {@code node} and everything in it placed at {@code line}, column 0. */
    private static Node relocate(Node node, int line) {
        if (node instanceof Node.MapNode map) {
            Map<String, Node.Entry> entries = new LinkedHashMap<>();
            map.entries().forEach((k, e) -> entries.put(k, new Node.Entry(k, line, 0, relocate(e.value(), line))));
            return new Node.MapNode(line, 0, entries, map.size());
        }
        if (node instanceof Node.ListNode list) {
            return new Node.ListNode(line, 0, list.items().stream().map(n -> relocate(n, line)).toList(), list.size());
        }
        Node.Scalar s = (Node.Scalar) node;
        return new Node.Scalar(line, 0, s.kind(), s.text(), s.number());
    }
}
