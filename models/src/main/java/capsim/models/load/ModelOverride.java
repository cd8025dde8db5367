package capsim.models.load;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One {@code --set PATH=VALUE}: a value given on the command line (or by an experiment file) in
 * place of the one at {@code path} in the model file. The path names list items by their
 * {@code name} ({@code tiers.app.count}, {@code workload.classes.api.rate_per_s}), or by index
 * where the items have no name ({@code slo.0.max}); {@code value} is YAML ({@code 6},
 * {@code t3.medium}, {@code {dist: exponential, mean: 4}}). Overrides are applied to the parsed
 * file before it is checked, so every check of the model applies to them.
 */
public record ModelOverride(String path, String value, String origin) {
    /** The origin of an override given on the command line. */
    public static final String COMMAND_LINE = "--set";
    private static final Pattern PATH = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");

    /**
     * {@code origin} says where it was given, for messages: {@link #COMMAND_LINE}, or a place in
     * an experiment file ({@code exp.yaml:7:5:}).
     */
    public ModelOverride {
        if (!PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("'" + path + "' is not a key path such as tiers.app.count");
        }
    }

    /** An override given on the command line. */
    public ModelOverride(String path, String value) {
        this(path, value, COMMAND_LINE);
    }

    /** Parses {@code PATH=VALUE}; a malformed argument throws {@link IllegalArgumentException} naming it. */
    public static ModelOverride parse(String argument) {
        int eq = argument.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("'" + argument + "' is not PATH=VALUE (e.g. tiers.app.count=6)");
        }
        return new ModelOverride(argument.substring(0, eq).strip(), argument.substring(eq + 1).strip());
    }

    /** The path's keys and names, in order. */
    List<String> segments() {
        return List.of(path.split("\\."));
    }

    /** How it is named in messages: {@code --set PATH=VALUE}, or where the experiment file gives it. */
    public String label() {
        return origin + " " + path + "=" + value;
    }

    @Override
    public String toString() {
        return path + "=" + value;
    }
}
