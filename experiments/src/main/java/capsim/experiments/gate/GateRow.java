package capsim.experiments.gate;

import java.util.Optional;

/**
 * One SLO in the gate: its target verdict ({@code pass}; an {@code uncertain} target, whose 95%
 * interval contains it, passes unless the gate is strict), whether a missed target is a
 * {@code knownFailure} (the baseline missed it too, and the gate accepts known failures) and,
 * with a baseline, its regression check.
 */
public record GateRow(String metric, String op, double target, double now, boolean pass, boolean uncertain,
                      boolean knownFailure, Optional<RegressionCheck> check) {
    public GateRow {
        if (pass && knownFailure) {
            throw new IllegalArgumentException("a passed target is no known failure: " + metric);
        }
    }

    /** This row, its missed target marked as one the baseline missed too. */
    public GateRow asKnownFailure() {
        return new GateRow(metric, op, target, now, false, uncertain, true, check);
    }

    /** True when the metric regressed against the baseline. */
    public boolean regressed() {
        return check.map(RegressionCheck::regressed).orElse(false);
    }

    /** True when the target is met (or its miss is a known failure) and the metric did not regress. */
    public boolean ok() {
        return (pass || knownFailure) && !regressed();
    }

    /**
     * PASS, FAIL or UNCERTAIN (KNOWN FAIL or KNOWN UNCERTAIN for a known failure), with
     * ", REGRESSED" (REGRESSED alone for a passing target) when it regressed.
     */
    public String verdict() {
        String target = (knownFailure ? "KNOWN " : "") + (uncertain ? "UNCERTAIN" : pass ? "PASS" : "FAIL");
        if (!regressed()) {
            return target;
        }
        return target.equals("PASS") ? "REGRESSED" : target + ", REGRESSED";
    }
}
