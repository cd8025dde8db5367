package capsim.experiments.cli;

/** The exit statuses of capsim (CONTRACT.md section 2). */
public final class ExitCode {
    /** It ran (run, validate) or every target passed (gate). */
    public static final int OK = 0;
    /** gate: a target failed or regressed. */
    public static final int GATE_FAILED = 1;
    /** Invalid input: a usage error, a model that does not load, an unreadable file. */
    public static final int INVALID_INPUT = 2;
    /** An internal error: a bug in capsim. */
    public static final int INTERNAL_ERROR = 3;

    private ExitCode() {
    }
}
