package capsim.models.load;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The names of one kind (tiers, classes) in a model file: each must be letters, digits, '_' or
 * '-' (it appears in metric paths such as {@code tiers.NAME.utilization}) and unique.
 */
final class Names {
    private static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9_-]+");

    private final String kind;
    private final Problems problems;
    private final Map<String, Integer> firstLine = new LinkedHashMap<>();

    Names(String kind, Problems problems) {
        this.kind = kind;
        this.problems = problems;
    }

    /** Reads the required {@code name} of {@code s}, checks its form and uniqueness. */
    Optional<String> claim(Section s) {
        Optional<String> name = s.requiredString("name");
        if (name.isEmpty()) {
            return name;
        }
        Node at = s.get("name").orElseThrow();
        if (!PATTERN.matcher(name.get()).matches()) {
            problems.at(at, s.path("name"), kind + " name '" + name.get()
                    + "' must be letters, digits, '_' or '-' (it appears in metric paths)");
        }
        Integer first = firstLine.putIfAbsent(name.get(), at.line());
        if (first != null) {
            problems.at(at, s.path("name"), "duplicate " + kind + " name '" + name.get() + "' (first at line " + first
                    + ")");
        }
        return name;
    }

    boolean contains(String name) {
        return firstLine.containsKey(name);
    }

    /** The string at {@code key} of {@code s}; reports it when it names no {@code kind} of this file. */
    Optional<String> reference(Section s, String key, boolean required) {
        Optional<String> name = required ? s.requiredString(key) : s.string(key);
        if (name.isPresent() && !contains(name.get())) {
            problems.at(s.get(key).orElseThrow(), s.path(key), "no " + kind + " named '" + name.get() + "'"
                    + Suggest.didYouMean(name.get(), firstLine.keySet()));
        }
        return name;
    }
}
