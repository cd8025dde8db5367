package capsim.models.load;

import capsim.models.catalog.Catalog;
import capsim.models.load.Values.Bound;
import capsim.models.spec.ArrivalSpec;
import capsim.models.spec.ClassSpec;
import capsim.models.spec.DistSpec;
import capsim.models.spec.StepSpec;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Binds {@code workload.classes[]}: each class is open ({@code rate_per_s}, shaped by
 * {@code arrival}) or closed ({@code users} with {@code think_s}), never both, and visits its
 * {@code steps} in order; every step names a tier of the file, and may say the catalog type its
 * {@code service_ms} was {@code measured_on}; a delay step ({@code delay_ms}, optionally
 * {@code repeat}) names no tier. {@code max_in_flight} caps a class's requests under way; {@code client_stalls:
 * {rate_per_s, duration_ms: DIST}} stops the class's client at random times. A trace arrival's {@code file}
 * is resolved against the model file's folder and must exist.
 */
final class ClassBinder {
    private static final List<String> KEYS = List.of("name", "rate_per_s", "users", "think_s", "arrival", "steps",
            "max_in_flight", "client_stalls");
    private static final List<String> STEP_KEYS = List.of("tier", "service_ms", "repeat", "hit_ratio", "on_miss",
            SpeedBinder.MEASURED_ON, "delay_ms");
    private static final List<String> DELAY_KEYS = List.of("delay_ms", "repeat");
    private static final List<String> ARRIVAL_KEYS = List.of("kind", "high_factor", "high_share", "mean_high_s",
            "file");
    private static final Map<ArrivalSpec.Kind, List<String>> ARRIVAL_APPLICABLE = Map.of(
            ArrivalSpec.Kind.POISSON, List.of("kind"),
            ArrivalSpec.Kind.MMPP, List.of("kind", "high_factor", "high_share", "mean_high_s"),
            ArrivalSpec.Kind.TRACE, List.of("kind", "file"));
    private static final Bound OPEN_UNIT = new Bound(x -> x > 0 && x < 1, "must be between 0 and 1, exclusive");

    private final Names tiers;
    private final Catalog catalog;
    private final Path baseDir;
    private final Problems problems;

    ClassBinder(Names tiers, Catalog catalog, Path baseDir, Problems problems) {
        this.tiers = tiers;
        this.catalog = catalog;
        this.baseDir = baseDir;
        this.problems = problems;
    }

    /** The classes listed in {@code workload}. */
    List<ClassSpec> bind(Section workload) {
        Names names = new Names("class", problems);
        List<Node> items = workload.list("classes", true).orElse(List.of());
        List<ClassSpec> classes = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Section.of(items.get(i), Problems.item(workload.path("classes"), i), KEYS, problems)
                    .ifPresent(c -> classes.add(requestClass(c, names)));
        }
        return classes;
    }

    private ClassSpec requestClass(Section c, Names names) {
        String name = names.claim(c).orElse("");
        OptionalDouble ratePerS = c.number("rate_per_s", Bound.POSITIVE);
        OptionalInt users = c.smallInteger("users", 1);
        boolean open = c.has("rate_per_s");
        boolean closed = c.has("users");
        if (open && closed) {
            c.reportKey("users", "give either rate_per_s (an open stream) or users (a closed population), not both");
        } else if (!open && !closed) {
            problems.at(c.node(), c.path("rate_per_s"),
                    "missing rate_per_s (an open stream) or users (a closed population)");
        }
        // a closed population needs a think time > 0: with none, its users would ask again at once, forever
        OptionalDouble thinkS = closed ? c.requiredNumber("think_s", Bound.POSITIVE)
                : c.number("think_s", Bound.POSITIVE);
        if (c.has("think_s") && !closed) {
            c.reportKey("think_s", "think_s applies only to a closed class (users)");
        }
        ArrivalSpec arrival = ArrivalSpec.POISSON;
        if (c.has("arrival") && closed) {
            c.reportKey("arrival", "arrival applies only to an open class (rate_per_s)");
        } else {
            arrival = c.section("arrival", ARRIVAL_KEYS).map(this::arrival).orElse(ArrivalSpec.POISSON);
        }
        return new ClassSpec(name, ratePerS, users, thinkS, arrival, steps(c, "steps", true),
                c.smallInteger("max_in_flight", 1), InterferenceBinder.stalls(c, "client_stalls"));
    }

    private ArrivalSpec arrival(Section a) {
        Optional<ArrivalSpec.Kind> kind = a.choice("kind", ArrivalSpec.Kind.class, true);
        if (kind.isEmpty()) {
            return ArrivalSpec.POISSON;
        }
        a.onlyFor(ARRIVAL_APPLICABLE.get(kind.get()), "arrival kind " + Section.fileName(kind.get()));
        return switch (kind.get()) {
            case POISSON -> ArrivalSpec.POISSON;
            case MMPP -> new ArrivalSpec(ArrivalSpec.Kind.MMPP,
                    a.requiredNumber("high_factor", Bound.atLeast(1)).orElse(1),
                    a.requiredNumber("high_share", OPEN_UNIT).orElse(0.5),
                    a.requiredNumber("mean_high_s", Bound.POSITIVE).orElse(1), Optional.empty());
            case TRACE -> new ArrivalSpec(ArrivalSpec.Kind.TRACE, 1, 0, 0, traceFile(a));
        };
    }

    private Optional<Path> traceFile(Section a) {
        Optional<String> name = a.requiredString("file");
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Node at = a.get("file").orElseThrow();
        try {
            Path file = baseDir.resolve(name.get()).normalize();
            if (Files.isRegularFile(file)) {
                return Optional.of(file);
            }
            problems.at(at, a.path("file"), "trace file '" + name.get() + "' not found (looked for " + file + ")");
        } catch (InvalidPathException e) {
            problems.at(at, a.path("file"), "'" + name.get() + "' is not a valid file name");
        }
        return Optional.empty();
    }

    private List<StepSpec> steps(Section owner, String key, boolean required) {
        List<Node> items = owner.list(key, required).orElse(List.of());
        List<StepSpec> steps = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Section.of(items.get(i), Problems.item(owner.path(key), i), STEP_KEYS, problems)
                    .ifPresent(s -> steps.add(step(s)));
        }
        return steps;
    }

    private StepSpec step(Section s) {
        if (s.has("delay_ms")) {
            s.onlyFor(DELAY_KEYS, "a delay step (delay_ms)");
            return StepSpec.delay(DistBinder.bind(s, "delay_ms", true).orElse(DistBinder.INVALID),
                    s.smallInteger("repeat", 1).orElse(1));
        }
        Optional<String> tier = tiers.reference(s, "tier", true);
        Optional<DistSpec> service = DistBinder.bind(s, "service_ms", true);
        OptionalDouble hitRatio = s.number("hit_ratio", Bound.UNIT);
        if (s.has("on_miss") && !s.has("hit_ratio")) {
            s.reportKey("on_miss", "on_miss needs hit_ratio (the share of visits that hit)");
        }
        return new StepSpec(tier.orElse(""), service.orElse(DistBinder.INVALID),
                s.smallInteger("repeat", 1).orElse(1), hitRatio, steps(s, "on_miss", false),
                SpeedBinder.measuredOn(s, catalog));
    }
}
