package capsim.engine.capacity;

/**
 * An endless sequence of {@link Piece}s, generated on demand (from the source's own random
 * stream, so the path does not depend on when it is asked for). Its speeds must not be 0
 * forever: a job must finish.
 */
@FunctionalInterface
public interface PieceSource {
    /** The next piece, starting where the previous one ended. */
    Piece next();

    /** The pointwise product of this source and {@code other} (speed factors compose by product). */
    default PieceSource times(PieceSource other) {
        return new ProductSource(this, other);
    }
}
