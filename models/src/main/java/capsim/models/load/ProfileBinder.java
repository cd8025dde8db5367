package capsim.models.load;

import capsim.models.load.Values.Bound;
import capsim.models.spec.ProfileSpec;
import capsim.models.spec.ProfileSpec.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Binds {@code workload.profile:}: {@code constant}; {@code hourly} with 24 non-negative
 * {@code multipliers}; {@code peak} with {@code factor} > 0 between hours {@code from} and
 * {@code to} (a number such as 8 or 17.5, or a string "08:00"; a window may wrap midnight).
 * {@code start_h} is the hour of day at simulated time 0.
 */
final class ProfileBinder {
    private static final List<String> KEYS = List.of("kind", "multipliers", "from", "to", "factor", "start_h");
    private static final Map<Kind, List<String>> APPLICABLE = Map.of(
            Kind.CONSTANT, List.of("kind", "start_h"),
            Kind.HOURLY, List.of("kind", "multipliers", "start_h"),
            Kind.PEAK, List.of("kind", "from", "to", "factor", "start_h"));
    private static final int HOURS = 24;
    private static final Pattern CLOCK = Pattern.compile("(\\d{1,2}):(\\d{2})");

    private ProfileBinder() {
    }

    /**
     * The profile in {@code workload}, {@link ProfileSpec#CONSTANT} when absent. {@code start_h}
     * may be given in the profile or beside it, in {@code workload}, not both.
     */
    static ProfileSpec bind(Section workload) {
        OptionalDouble workloadStartH = hour(workload, "start_h", false);
        Optional<Section> section = workload.section("profile", KEYS);
        if (section.isEmpty()) {
            return workloadStartH.isPresent()
                    ? new ProfileSpec(Kind.CONSTANT, List.of(), 0, 0, 1, workloadStartH.getAsDouble())
                    : ProfileSpec.CONSTANT;
        }
        Section s = section.get();
        Optional<Kind> kind = s.choice("kind", Kind.class, true);
        if (kind.isEmpty()) {
            return ProfileSpec.CONSTANT;
        }
        s.onlyFor(APPLICABLE.get(kind.get()), "kind " + Section.fileName(kind.get()));
        if (workloadStartH.isPresent() && s.has("start_h")) {
            s.reportKey("start_h", "start_h is given twice, here and in workload; give it once");
        }
        double startH = hour(s, "start_h", false).orElse(workloadStartH.orElse(0));
        return switch (kind.get()) {
            case CONSTANT -> new ProfileSpec(Kind.CONSTANT, List.of(), 0, 0, 1, startH);
            case HOURLY -> new ProfileSpec(Kind.HOURLY, multipliers(s), 0, 0, 1, startH);
            case PEAK -> peak(s, startH);
        };
    }

    private static List<Double> multipliers(Section s) {
        List<Node> items = s.list("multipliers", true).orElse(List.of());
        if (!items.isEmpty() && items.size() != HOURS) {
            s.problems().at(s.get("multipliers").orElseThrow(), s.path("multipliers"),
                    "must have " + HOURS + " values, one per hour of the day; has " + items.size());
        }
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            values.add(Values.number(items.get(i), Problems.item(s.path("multipliers"), i), Bound.NON_NEGATIVE,
                    s.problems()).orElse(1));
        }
        return values;
    }

    private static ProfileSpec peak(Section s, double startH) {
        OptionalDouble from = hour(s, "from", true);
        OptionalDouble to = hour(s, "to", true);
        double factor = s.requiredNumber("factor", Bound.POSITIVE).orElse(1);
        if (from.isPresent() && to.isPresent() && from.getAsDouble() % HOURS == to.getAsDouble() % HOURS) {
            s.reportKey("to", "the peak window is empty: from and to are the same hour");
        }
        return new ProfileSpec(Kind.PEAK, List.of(), from.orElse(0), to.orElse(0), factor, startH);
    }

    /** An hour of the day, 0 to 24: a number, or a string "HH:MM". */
    static OptionalDouble hour(Section s, String key, boolean required) {
        Optional<Node> node = required ? s.require(key) : s.get(key);
        if (node.isEmpty()) {
            return OptionalDouble.empty();
        }
        Bound range = Bound.between(0, HOURS);
        if (node.get() instanceof Node.Scalar sc && sc.kind() == Node.Scalar.Kind.STRING) {
            Matcher m = CLOCK.matcher(sc.text());
            double h = m.matches() && Integer.parseInt(m.group(2)) < 60
                    ? Integer.parseInt(m.group(1)) + Integer.parseInt(m.group(2)) / 60.0 : Double.NaN;
            if (range.test().test(h)) {
                return OptionalDouble.of(h);
            }
            s.problems().at(sc, s.path(key), "expected an hour of the day, a number from 0 to 24 or \"HH:MM\", found '"
                    + sc.text() + "'");
            return OptionalDouble.empty();
        }
        return Values.number(node.get(), s.path(key), range, s.problems());
    }
}
