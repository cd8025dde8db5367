package capsim.models.spec;

import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code arrival:} of an open class.
 * <ul>
 *   <li>{@code poisson} (default): exponential gaps at {@code rate_per_s} x profile;</li>
 *   <li>{@code mmpp}: two-state Markov-modulated Poisson: a burst state at {@code high_factor}
 *       times the calm rate, entered for exponential periods of mean {@code mean_high_s}, with
 *       long-run share of time {@code high_share}; the calm rate is set so the long-run mean
 *       equals {@code rate_per_s};</li>
 *   <li>{@code trace}: a CSV file {@code file} of {@code time_s,rate_per_s} rows, piecewise
 *       constant, relative to the model file; it replaces {@code rate_per_s} x profile.</li>
 * </ul>
 */
public record ArrivalSpec(Kind kind, double highFactor, double highShare, double meanHighS, Optional<Path> file) {
    public enum Kind { POISSON, MMPP, TRACE }

    public static final ArrivalSpec POISSON = new ArrivalSpec(Kind.POISSON, 1, 0, 0, Optional.empty());
}
