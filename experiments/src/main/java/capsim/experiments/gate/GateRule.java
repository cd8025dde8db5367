package capsim.experiments.gate;

/**
 * How the gate tells a regression from noise: a metric regressed when it is worse than the
 * baseline by more than {@code tolerancePct} percent of the baseline AND the interval of the
 * change at {@code confidence} (0..1) lies wholly on the worse side of zero.
 */
public record GateRule(double tolerancePct, double confidence) {
    /** The default confidence: 99%, so an unchanged metric is flagged at most once in 200 gates. */
    public static final double DEFAULT_CONFIDENCE = 0.99;

    public GateRule {
        if (!(tolerancePct >= 0) || Double.isInfinite(tolerancePct)) {
            throw new IllegalArgumentException("tolerance must be a finite percentage >= 0, was " + tolerancePct);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), was " + confidence);
        }
    }
}
