package capsim.engine.capacity;

/** A stretch of {@code durationS} seconds (> 0) at {@code speed} (>= 0, finite) of a capacity path. */
public record Piece(double durationS, double speed) {
    public Piece {
        if (!(durationS > 0) || Double.isInfinite(durationS)) {
            throw new IllegalArgumentException("a piece lasts > 0 s and finitely long, was " + durationS);
        }
        if (!(speed >= 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("a piece's speed is >= 0 and finite, was " + speed);
        }
    }
}
