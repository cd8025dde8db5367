package capsim.experiments.gate;

import java.util.OptionalDouble;

/**
 * One SLO in the gate: its target verdict and, with a baseline, the baseline's value and
 * whether the metric regressed beyond the tolerance.
 */
public record GateRow(String metric, String op, double target, OptionalDouble baseline, double now, boolean pass,
                      boolean regressed) {

    /** True when the target is met and the metric did not regress. */
    public boolean ok() {
        return pass && !regressed;
    }

    /** PASS, FAIL, REGRESSED or "FAIL, REGRESSED". */
    public String verdict() {
        if (ok()) {
            return "PASS";
        }
        return pass ? "REGRESSED" : regressed ? "FAIL, REGRESSED" : "FAIL";
    }
}
