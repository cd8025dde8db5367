package capsim.experiments.gate;

import java.util.Optional;

/**
 * One SLO in the gate: its target verdict ({@code pass}; an {@code uncertain} target, whose 95%
 * interval contains it, passes unless the gate is strict) and, with a baseline, its regression check.
 */
public record GateRow(String metric, String op, double target, double now, boolean pass, boolean uncertain,
                      Optional<RegressionCheck> check) {

    /** True when the metric regressed against the baseline. */
    public boolean regressed() {
        return check.map(RegressionCheck::regressed).orElse(false);
    }

    /** True when the target is met and the metric did not regress. */
    public boolean ok() {
        return pass && !regressed();
    }

    /** PASS, FAIL or UNCERTAIN, with ", REGRESSED" (REGRESSED alone for a passing target) when it regressed. */
    public String verdict() {
        String target = uncertain ? "UNCERTAIN" : pass ? "PASS" : "FAIL";
        if (!regressed()) {
            return target;
        }
        return target.equals("PASS") ? "REGRESSED" : target + ", REGRESSED";
    }
}
