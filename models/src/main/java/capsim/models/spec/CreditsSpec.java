package capsim.models.spec;

/**
 * {@code credits:} on a tier of burstable nodes (t3.*): {@code mode} standard (held at baseline
 * when the balance is empty) or unlimited (full speed, surplus billed), and the balance each
 * node starts with ({@code initial}, credits; FACTS.md: T3 gets no launch credits).
 */
public record CreditsSpec(Mode mode, double initialCredits) {
    public enum Mode { STANDARD, UNLIMITED }

    /** FACTS.md: "T3 launches in unlimited mode by default (RDS T3 too)"; no launch credits. */
    public static final CreditsSpec DEFAULT = new CreditsSpec(Mode.UNLIMITED, 0);
}
