package capsim.models.load;

import capsim.models.load.Values.Bound;
import capsim.models.spec.AutoscaleSpec.Step;
import capsim.models.spec.AutoscaleSpec.Window;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Binds the lists of an {@code autoscale:} section. {@code steps} (step scaling): each
 * {@code {lower, upper, change}}; a scale-out step ({@code change} > 0) gives {@code lower}, its
 * {@code upper} defaults to the next scale-out step's lower; a scale-in step gives
 * {@code upper}, its {@code lower} defaults to the next lower scale-in step's upper. As for AWS
 * step adjustments, the ranges may neither overlap nor leave a gap, the highest scale-out step
 * is open above and the lowest scale-in step open below. {@code schedule}: windows
 * {@code {from, to, count | factor}} of the day that do not overlap.
 */
final class StepsBinder {
    private static final List<String> STEP_KEYS = List.of("lower", "upper", "change");
    private static final List<String> WINDOW_KEYS = List.of("from", "to", "count", "factor");
    private static final int HOURS = 24;

    private StepsBinder() {
    }

    /** A step as written: its mapping and the bounds it gives. */
    private record Written(Section at, OptionalDouble lower, OptionalDouble upper, int change) {
    }

    static List<Step> steps(Section a) {
        List<Written> out = new ArrayList<>();
        List<Written> in = new ArrayList<>();
        List<Node> items = a.list("steps", true).orElse(List.of());
        for (int i = 0; i < items.size(); i++) {
            Section.of(items.get(i), Problems.item(a.path("steps"), i), STEP_KEYS, a.problems()).ifPresent(s -> {
                OptionalInt change = s.requiredSmallInteger("change", Integer.MIN_VALUE);
                OptionalDouble lower = s.number("lower", Bound.ANY);
                OptionalDouble upper = s.number("upper", Bound.ANY);
                if (change.isEmpty()) {
                    return;
                }
                int c = change.getAsInt();
                if (c == 0) {
                    s.reportKey("change", "must not be 0 (a step adds nodes, change > 0, or removes them, change < 0)");
                } else if (c > 0 && lower.isEmpty()) {
                    s.problems().at(s.node(), s.path("lower"), "a scale-out step (change > 0) needs 'lower'");
                } else if (c < 0 && upper.isEmpty()) {
                    s.problems().at(s.node(), s.path("upper"), "a scale-in step (change < 0) needs 'upper'");
                } else if (lower.isPresent() && upper.isPresent() && !(lower.getAsDouble() < upper.getAsDouble())) {
                    s.reportKey("upper", "must be above lower (" + Values.format(lower.getAsDouble()) + ")");
                } else {
                    (c > 0 ? out : in).add(new Written(s, lower, upper, c));
                }
            });
        }
        out.sort(Comparator.comparingDouble(w -> w.lower().getAsDouble()));
        in.sort(Comparator.comparingDouble(w -> w.upper().getAsDouble()));
        List<Step> steps = new ArrayList<>(scaleIn(in));
        steps.addAll(scaleOut(out));
        if (!in.isEmpty() && !out.isEmpty()) {
            Written highestIn = in.get(in.size() - 1);
            double lowestOut = out.get(0).lower().getAsDouble();
            if (highestIn.upper().getAsDouble() >= lowestOut) {
                highestIn.at().reportKey("upper", "scale-in range overlaps the scale-out range that starts at "
                        + Values.format(lowestOut));
            }
        }
        return steps;
    }

    /** Scale-out steps in order of lower bound: each reaches up to the next one's lower bound. */
    private static List<Step> scaleOut(List<Written> out) {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            Written w = out.get(i);
            double lower = w.lower().getAsDouble();
            boolean last = i == out.size() - 1;
            double upper = last ? Double.POSITIVE_INFINITY : out.get(i + 1).lower().getAsDouble();
            if (!last && lower == upper) {
                out.get(i + 1).at().reportKey("lower", "two scale-out steps start at " + Values.format(lower));
            } else if (w.upper().isPresent() && last) {
                w.at().reportKey("upper", "the highest scale-out step must have no upper bound (it covers every "
                        + "value above its lower bound)");
            } else if (w.upper().isPresent() && w.upper().getAsDouble() != upper) {
                w.at().reportKey("upper", (w.upper().getAsDouble() < upper ? "leaves a gap before" : "overlaps")
                        + " the next scale-out step, which starts at " + Values.format(upper));
            }
            steps.add(new Step(lower, upper, w.change()));
        }
        return steps;
    }

    /** Scale-in steps in order of upper bound: each reaches down to the previous one's upper bound. */
    private static List<Step> scaleIn(List<Written> in) {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            Written w = in.get(i);
            double upper = w.upper().getAsDouble();
            boolean first = i == 0;
            double lower = first ? Double.NEGATIVE_INFINITY : in.get(i - 1).upper().getAsDouble();
            if (!first && lower == upper) {
                w.at().reportKey("upper", "two scale-in steps end at " + Values.format(upper));
            } else if (w.lower().isPresent() && first) {
                w.at().reportKey("lower", "the lowest scale-in step must have no lower bound (it covers every "
                        + "value below its upper bound)");
            } else if (w.lower().isPresent() && w.lower().getAsDouble() != lower) {
                w.at().reportKey("lower", (w.lower().getAsDouble() > lower ? "leaves a gap after" : "overlaps")
                        + " the next lower scale-in step, which ends at " + Values.format(lower));
            }
            steps.add(new Step(lower, upper, w.change()));
        }
        return steps;
    }

    /**
     * The windows of {@code schedule}; a {@code factor} gives ceil(factor x {@code count})
     * nodes. Each window's count must lie in [{@code min}, {@code max}].
     */
    static List<Window> windows(Section a, int count, int min, int max) {
        List<Window> windows = new ArrayList<>();
        List<Node> items = a.list("schedule", true).orElse(List.of());
        for (int i = 0; i < items.size(); i++) {
            Section.of(items.get(i), Problems.item(a.path("schedule"), i), WINDOW_KEYS, a.problems()).ifPresent(w -> {
                OptionalDouble from = ProfileBinder.hour(w, "from", true);
                OptionalDouble to = ProfileBinder.hour(w, "to", true);
                OptionalInt nodes = nodes(w, count);
                if (from.isEmpty() || to.isEmpty() || nodes.isEmpty()) {
                    return;
                }
                Window window = new Window(from.getAsDouble() % HOURS, to.getAsDouble() % HOURS, nodes.getAsInt());
                String key = w.has("count") ? "count" : "factor";
                if (window.fromH() == window.toH()) {
                    w.reportKey("to", "the window is empty: from and to are the same hour");
                } else if (window.count() < min || window.count() > max) {
                    w.reportKey(key, "gives " + window.count() + " nodes, outside min..max (" + min + ".."
                            + (max == Integer.MAX_VALUE ? "" : max) + ")");
                } else if (windows.stream().anyMatch(other -> overlap(other, window))) {
                    w.reportKey("from", "the window overlaps an earlier one");
                } else {
                    windows.add(window);
                }
            });
        }
        return windows;
    }

    /** The window's node count: {@code count}, or ceil({@code factor} x the tier's count). */
    private static OptionalInt nodes(Section w, int count) {
        OptionalInt n = w.smallInteger("count", 1);
        OptionalDouble factor = w.number("factor", Bound.POSITIVE);
        if (w.has("count") == w.has("factor")) {
            w.problems().at(w.node(), w.path("count"), "a window gives either 'count' or 'factor' (x the tier's "
                    + "count)");
            return OptionalInt.empty();
        }
        if (factor.isPresent()) {
            // 1e-9 keeps 1.5 x 4 = 6.000000000000001 at 6 nodes
            return OptionalInt.of(Math.max(1, (int) Math.ceil(factor.getAsDouble() * count - 1e-9)));
        }
        return n;
    }

    /** True if two windows share some hour of the day. */
    private static boolean overlap(Window a, Window b) {
        for (double[] x : pieces(a)) {
            for (double[] y : pieces(b)) {
                if (x[0] < y[1] && y[0] < x[1]) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The window as one or two intervals of [0, 24). */
    private static List<double[]> pieces(Window w) {
        return w.fromH() < w.toH() ? List.of(new double[] {w.fromH(), w.toH()})
                : List.of(new double[] {w.fromH(), HOURS}, new double[] {0, w.toH()});
    }
}
