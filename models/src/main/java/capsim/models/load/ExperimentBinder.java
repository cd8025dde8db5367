package capsim.models.load;

import capsim.models.load.Values.Bound;
import capsim.models.spec.ExperimentSpec;
import capsim.models.spec.ExperimentSpec.Choice;
import capsim.models.spec.SloSpec;
import capsim.models.spec.SweepSpec;
import capsim.models.spec.TuneSpec;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Binds an experiment file: {@code base}, {@code run}, {@code set} (values set in every model, as
 * {@code --set} sets them), and one of {@code sweep} (a {@code grid}
 * or a list of {@code points}, with an optional {@code choose}) or {@code tune}. Values to set
 * are kept as YAML text, so that the base model's own checks read them as if they were written
 * in it. Defaults: {@value #DEFAULT_EVALUATIONS} tuning evaluations.
 */
final class ExperimentBinder {
    static final int DEFAULT_EVALUATIONS = 40;
    private static final List<String> KEYS = List.of("base", "run", "set", "sweep", "choose", "tune");
    private static final List<String> RUN_KEYS = List.of("duration_s", "warmup_s", "replications", "seed");
    private static final List<String> SWEEP_KEYS = List.of("grid", "points");
    private static final List<String> DIRECTIONS = List.of("minimize", "maximize");
    private static final List<String> TUNE_KEYS = List.of("parameters", "minimize", "maximize", "subject_to",
            "evaluations");
    private static final List<String> PARAMETER_KEYS = List.of("min", "max", "integer");
    private static final Pattern CONSTRAINT = Pattern.compile("\\s*(\\S+)\\s*(<=|>=)\\s*(\\S+)\\s*");
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9._/-]*");
    private static final List<String> NOT_PLAIN = List.of("true", "false", "null", "True", "False", "Null", "TRUE",
            "FALSE", "NULL");

    private final Path file;
    private final Problems problems;

    private ExperimentBinder(Path file, Problems problems) {
        this.file = file;
        this.problems = problems;
    }

    static Optional<ExperimentSpec> bind(Node root, Path file, Problems problems) {
        return Section.of(root, "", KEYS, problems).flatMap(s -> new ExperimentBinder(file, problems).bind(s));
    }

    private Optional<ExperimentSpec> bind(Section s) {
        Path folder = file.toAbsolutePath().getParent();
        Optional<Path> base = s.requiredString("base").map(b -> folder == null ? Path.of(b) : folder.resolve(b))
                .map(Path::normalize);
        base.filter(b -> !Files.isRegularFile(b)).ifPresent(b -> problems.at(s.get("base").orElseThrow(), "base",
                "no model file at " + b));
        List<ModelOverride> run = s.section("run", RUN_KEYS).map(this::run).orElse(List.of());
        List<ModelOverride> set = s.get("set").map(this::set).orElse(List.of());
        if (s.has("sweep") == s.has("tune")) {
            problems.at(s.node(), "", "give exactly one of sweep (points to run) or tune (a search)");
        }
        if (s.has("choose") && !s.has("sweep")) {
            problems.at(s.get("choose").orElseThrow(), "choose", "choose picks the best point of a sweep; "
                    + "tune has its own minimize or maximize");
        }
        Optional<SweepSpec> sweep = s.section("sweep", SWEEP_KEYS).flatMap(this::sweep);
        Optional<Choice> choose = s.section("choose", DIRECTIONS).flatMap(c -> direction(c, "choose"))
                .map(d -> new Choice(d.metric(), d.minimize()));
        Optional<TuneSpec> tune = s.section("tune", TUNE_KEYS).flatMap(this::tune);
        return base.map(b -> new ExperimentSpec(file, b, run, set, sweep, choose, tune));
    }

    private List<ModelOverride> run(Section run) {
        List<ModelOverride> overrides = new ArrayList<>();
        Node.MapNode map = (Node.MapNode) run.node();
        map.entries().values().stream().filter(e -> RUN_KEYS.contains(e.key())).forEach(e ->
                overrides.add(new ModelOverride("run." + e.key(), text(e.value()), origin(e.line(), e.column()))));
        return overrides;
    }

    /** {@code set:}: a mapping of key paths to values, set in every model of the experiment. */
    private List<ModelOverride> set(Node set) {
        if (!(set instanceof Node.MapNode map)) {
            problems.at(set, "set", "expected a mapping of key paths to values, found " + set.describe());
            return List.of();
        }
        return overrides(map, "set");
    }

    /** The entries of {@code map} as overrides, each a key path and its value; bad paths are reported. */
    private List<ModelOverride> overrides(Node.MapNode map, String at) {
        List<ModelOverride> overrides = new ArrayList<>();
        for (Node.Entry e : map.entries().values()) {
            if (path(e, Problems.child(at, e.key()))) {
                overrides.add(new ModelOverride(e.key(), text(e.value()), origin(e.value().line(),
                        e.value().column())));
            }
        }
        return overrides;
    }

    private Optional<SweepSpec> sweep(Section sweep) {
        if (sweep.has("grid") == sweep.has("points")) {
            problems.at(sweep.node(), "sweep", "give exactly one of grid (every combination) or points (a list)");
            return Optional.empty();
        }
        if (sweep.has("grid")) {
            return sweep.get("grid").flatMap(this::grid);
        }
        return sweep.list("points", true).map(this::points);
    }

    /** The cartesian product of the grid's value lists, the first parameter varying slowest. */
    private Optional<SweepSpec> grid(Node grid) {
        if (!(grid instanceof Node.MapNode map) || map.entries().isEmpty()) {
            problems.at(grid, "sweep.grid", "expected a mapping of key paths to lists of values, found "
                    + grid.describe());
            return Optional.empty();
        }
        List<String> parameters = new ArrayList<>();
        List<List<ModelOverride>> points = List.of(List.of());
        for (Node.Entry e : map.entries().values()) {
            String at = "sweep.grid." + e.key();
            if (!(e.value() instanceof Node.ListNode values) || values.items().isEmpty()) {
                problems.at(e.value(), at, "expected a list of values to try, found " + e.value().describe());
                return Optional.empty();
            }
            if (!path(e, at)) {
                return Optional.empty();
            }
            parameters.add(e.key());
            List<List<ModelOverride>> next = new ArrayList<>();
            for (List<ModelOverride> point : points) {
                for (Node v : values.items()) {
                    List<ModelOverride> extended = new ArrayList<>(point);
                    extended.add(new ModelOverride(e.key(), text(v), origin(v.line(), v.column())));
                    next.add(extended);
                }
            }
            points = next;
        }
        return Optional.of(new SweepSpec(parameters, points));
    }

    private SweepSpec points(List<Node> items) {
        List<String> parameters = new ArrayList<>();
        List<List<ModelOverride>> points = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String at = Problems.item("sweep.points", i);
            if (!(items.get(i) instanceof Node.MapNode map)) {
                problems.at(items.get(i), at, "expected a mapping of key paths to values, found "
                        + items.get(i).describe());
                continue;
            }
            List<ModelOverride> point = overrides(map, at);
            point.stream().map(ModelOverride::path).filter(p -> !parameters.contains(p)).forEach(parameters::add);
            points.add(point);
        }
        return new SweepSpec(parameters, points);
    }

    /** Whether the key of {@code e} is a key path; reports it when not. */
    private boolean path(Node.Entry e, String at) {
        try {
            new ModelOverride(e.key(), "");
            return true;
        } catch (IllegalArgumentException bad) {
            problems.at(e.line(), e.column(), at, bad.getMessage());
            return false;
        }
    }

    private record Direction(String metric, boolean minimize) {
    }

    /** Exactly one of {@code minimize: METRIC} or {@code maximize: METRIC}. */
    private Optional<Direction> direction(Section s, String where) {
        if (s.has("minimize") == s.has("maximize")) {
            problems.at(s.node(), where, "give exactly one of minimize or maximize, with a summary metric");
            return Optional.empty();
        }
        boolean minimize = s.has("minimize");
        return s.requiredString(minimize ? "minimize" : "maximize").map(m -> new Direction(m, minimize));
    }

    private Optional<TuneSpec> tune(Section tune) {
        Optional<Direction> objective = direction(tune, "tune");
        List<TuneSpec.Parameter> parameters = new ArrayList<>();
        Optional<Node> params = tune.require("parameters");
        if (params.isPresent() && (!(params.get() instanceof Node.MapNode map) || map.entries().isEmpty())) {
            problems.at(params.get(), "tune.parameters", "expected a mapping of key paths to {min, max}, found "
                    + params.get().describe());
        } else if (params.isPresent()) {
            for (Node.Entry e : ((Node.MapNode) params.get()).entries().values()) {
                String at = "tune.parameters." + e.key();
                if (path(e, at)) {
                    Section.of(e.value(), at, PARAMETER_KEYS, problems).flatMap(p -> parameter(e.key(), p))
                            .ifPresent(parameters::add);
                }
            }
        }
        List<SloSpec> subjectTo = new ArrayList<>();
        List<Node> constraints = tune.list("subject_to", false).orElse(List.of());
        for (int i = 0; i < constraints.size(); i++) {
            constraint(constraints.get(i), Problems.item("tune.subject_to", i)).ifPresent(subjectTo::add);
        }
        int evaluations = tune.smallInteger("evaluations", 1).orElse(DEFAULT_EVALUATIONS);
        return objective.map(o -> new TuneSpec(parameters, o.metric(), o.minimize(), subjectTo, evaluations));
    }

    private Optional<TuneSpec.Parameter> parameter(String path, Section p) {
        OptionalDouble min = p.requiredNumber("min", Bound.ANY);
        OptionalDouble max = p.requiredNumber("max", Bound.ANY);
        boolean integer = p.get("integer").filter(n -> n instanceof Node.Scalar s && s.text().equals("true"))
                .isPresent();
        if (min.isEmpty() || max.isEmpty()) {
            return Optional.empty();
        }
        if (!(min.getAsDouble() < max.getAsDouble())) {
            problems.at(p.node(), p.path(), "min (" + min.getAsDouble() + ") must be below max ("
                    + max.getAsDouble() + ")");
            return Optional.empty();
        }
        if (integer && (min.getAsDouble() != Math.rint(min.getAsDouble())
                || max.getAsDouble() != Math.rint(max.getAsDouble()))) {
            problems.at(p.node(), p.path(), "an integer parameter needs whole min and max");
            return Optional.empty();
        }
        return Optional.of(new TuneSpec.Parameter(path, min.getAsDouble(), max.getAsDouble(), integer));
    }

    /** {@code "METRIC <= NUMBER"} or {@code "METRIC >= NUMBER"}. */
    private Optional<SloSpec> constraint(Node node, String at) {
        Matcher m = node instanceof Node.Scalar s && s.kind() == Node.Scalar.Kind.STRING
                ? CONSTRAINT.matcher(s.text()) : null;
        if (m == null || !m.matches()) {
            problems.at(node, at, "expected \"METRIC <= NUMBER\" or \"METRIC >= NUMBER\", found " + node.describe());
            return Optional.empty();
        }
        double bound;
        try {
            bound = Double.parseDouble(m.group(3));
        } catch (NumberFormatException e) {
            problems.at(node, at, "'" + m.group(3) + "' is not a number");
            return Optional.empty();
        }
        OptionalDouble value = OptionalDouble.of(bound);
        return Optional.of(m.group(2).equals("<=") ? new SloSpec(m.group(1), value, OptionalDouble.empty())
                : new SloSpec(m.group(1), OptionalDouble.empty(), value));
    }

    private String origin(int line, int column) {
        return file + ":" + line + ":" + column + ":";
    }

    /** {@code node} as YAML text that reads back as the same value (flow style, strings quoted when needed). */
    static String text(Node node) {
        if (node instanceof Node.MapNode map) {
            Map<String, String> parts = new LinkedHashMap<>();
            map.entries().forEach((k, e) -> parts.put(k, text(e.value())));
            List<String> items = new ArrayList<>();
            parts.forEach((k, v) -> items.add(quoted(k) + ": " + v));
            return "{" + String.join(", ", items) + "}";
        }
        if (node instanceof Node.ListNode list) {
            return "[" + String.join(", ", list.items().stream().map(ExperimentBinder::text).toList()) + "]";
        }
        Node.Scalar s = (Node.Scalar) node;
        return switch (s.kind()) {
            case STRING -> PLAIN.matcher(s.text()).matches() && !NOT_PLAIN.contains(s.text()) ? s.text()
                    : quoted(s.text());
            case NULL -> "null";
            default -> s.text();
        };
    }

    private static String quoted(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }
}
