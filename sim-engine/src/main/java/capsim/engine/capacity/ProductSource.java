package capsim.engine.capacity;

/** The pointwise product of two piece sources: a new piece wherever either changes. */
final class ProductSource implements PieceSource {
    private final PieceSource a;
    private final PieceSource b;
    private double leftA;
    private double speedA;
    private double leftB;
    private double speedB;

    ProductSource(PieceSource a, PieceSource b) {
        this.a = a;
        this.b = b;
    }

    @Override
    public Piece next() {
        if (leftA <= 0) {
            Piece p = a.next();
            leftA = p.durationS();
            speedA = p.speed();
        }
        if (leftB <= 0) {
            Piece p = b.next();
            leftB = p.durationS();
            speedB = p.speed();
        }
        double d = Math.min(leftA, leftB);
        leftA -= d;
        leftB -= d;
        return new Piece(d, speedA * speedB);
    }
}
