package capsim.experiments.gate;

import java.util.Optional;

/** One SLO in the gate: its target verdict and, with a baseline, its regression check. */
public record GateRow(String metric, String op, double target, double now, boolean pass,
                      Optional<RegressionCheck> check) {

    /** True when the metric regressed against the baseline. */
    public boolean regressed() {
        return check.map(RegressionCheck::regressed).orElse(false);
    }

    /** True when the target is met and the metric did not regress. */
    public boolean ok() {
        return pass && !regressed();
    }

    /** PASS, FAIL, REGRESSED or "FAIL, REGRESSED". */
    public String verdict() {
        if (ok()) {
            return "PASS";
        }
        return pass ? "REGRESSED" : regressed() ? "FAIL, REGRESSED" : "FAIL";
    }
}
