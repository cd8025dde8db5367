package capsim.models.load;

import capsim.models.load.Values.Bound;
import capsim.models.spec.InterferenceSpec;
import capsim.models.spec.InterferenceSpec.Regime;
import capsim.models.spec.InterferenceSpec.Stalls;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Binds a tier's interference keys: {@code capacity_regimes}, either a list of
 * {@code {speed, mean_s}} levels (at least two, speed > 0, mean_s > 0; each node switches on its
 * own) or {@code {shared: true|false, levels: [...]}}; and {@code stalls: {rate_per_s,
 * duration_ms: DIST}}; and {@code wake_up: {duration_ms: DIST, idle_scale_ms}} (idle_scale_ms >= 0,
 * default 0: a full wake-up after any idle time); and {@code load_dependence: {idle_factor,
 * horizon_s}} (idle_factor > 0, horizon_s > 0, default {@value #HORIZON_S}). Absent keys: no interference.
 */
final class InterferenceBinder {
    static final String REGIMES = "capacity_regimes";
    static final String STALLS = "stalls";
    static final String WAKE_UP = "wake_up";
    static final String LOAD_DEPENDENCE = "load_dependence";
    /** The default horizon of a load dependence's utilisation, seconds. */
    static final double HORIZON_S = 1;
    private static final List<String> LOAD_DEPENDENCE_KEYS = List.of("idle_factor", "horizon_s");
    private static final List<String> WAKE_UP_KEYS = List.of("duration_ms", "idle_scale_ms");
    private static final List<String> REGIMES_KEYS = List.of("shared", "levels");
    private static final List<String> LEVEL_KEYS = List.of("speed", "mean_s");
    private static final List<String> STALL_KEYS = List.of("rate_per_s", "duration_ms");

    private InterferenceBinder() {
    }

    static Optional<InterferenceSpec> bind(Section tier) {
        if (!tier.has(REGIMES) && !tier.has(STALLS) && !tier.has(WAKE_UP) && !tier.has(LOAD_DEPENDENCE)) {
            return Optional.empty();
        }
        Problems problems = tier.problems();
        List<Regime> regimes = new ArrayList<>();
        boolean shared = false;
        Optional<Node> node = tier.get(REGIMES);
        if (node.isPresent()) {
            Section levelsOf = tier;
            String levelsKey = REGIMES;
            if (node.get() instanceof Node.MapNode) {
                Optional<Section> s = tier.section(REGIMES, REGIMES_KEYS);
                if (s.isPresent()) {
                    shared = FailureBinder.bool(s.get(), "shared", problems).orElse(false);
                    levelsOf = s.get();
                    levelsKey = "levels";
                }
            }
            List<Node> items = levelsOf.list(levelsKey, true).orElse(List.of());
            for (int i = 0; i < items.size(); i++) {
                Section.of(items.get(i), Problems.item(levelsOf.path(levelsKey), i), LEVEL_KEYS, problems)
                        .ifPresent(l -> regimes.add(new Regime(l.requiredNumber("speed", Bound.POSITIVE).orElse(1),
                                l.requiredNumber("mean_s", Bound.POSITIVE).orElse(1))));
            }
            if (items.size() == 1) {
                problems.at(items.get(0), levelsOf.path(levelsKey), "needs at least two levels (one level is a "
                        + "constant speed)");
            }
        }
        Optional<Stalls> stalls = stalls(tier, STALLS);
        Optional<InterferenceSpec.WakeUp> wakeUp = tier.section(WAKE_UP, WAKE_UP_KEYS).map(w ->
                new InterferenceSpec.WakeUp(DistBinder.bind(w, "duration_ms", true).orElse(DistBinder.INVALID),
                        w.number("idle_scale_ms", Bound.NON_NEGATIVE).orElse(0)));
        Optional<InterferenceSpec.LoadDependence> load = tier.section(LOAD_DEPENDENCE, LOAD_DEPENDENCE_KEYS).map(l ->
                new InterferenceSpec.LoadDependence(l.requiredNumber("idle_factor", Bound.POSITIVE).orElse(1),
                        l.number("horizon_s", Bound.POSITIVE).orElse(HORIZON_S)));
        return Optional.of(new InterferenceSpec(regimes, shared, stalls, wakeUp, load));
    }

    /** A stall process {@code {rate_per_s, duration_ms: DIST}} under {@code key} of {@code owner}, if given. */
    static Optional<Stalls> stalls(Section owner, String key) {
        return owner.section(key, STALL_KEYS).map(s -> new Stalls(
                s.requiredNumber("rate_per_s", Bound.POSITIVE).orElse(1),
                DistBinder.bind(s, "duration_ms", true).orElse(DistBinder.INVALID)));
    }
}
