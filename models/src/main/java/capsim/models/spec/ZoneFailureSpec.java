package capsim.models.spec;

/** {@code failures:} at model level: a whole zone fails after Exp(mtbf_h) hours, for {@code mttr_s}. */
public record ZoneFailureSpec(double mtbfH, double mttrS) {
}
