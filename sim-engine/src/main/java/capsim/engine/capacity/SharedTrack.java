package capsim.engine.capacity;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One piece sequence read by several paths (a whole host or zone slowing at once): each
 * {@link #reader()} replays the same pieces from the start, generated once.
 */
public final class SharedTrack {
    private final PieceSource source;
    private final List<Piece> pieces = new ArrayList<>();

    public SharedTrack(PieceSource source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    /** A source that yields this track's pieces from the first. */
    public PieceSource reader() {
        int[] next = {0};
        return () -> {
            while (pieces.size() <= next[0]) {
                pieces.add(source.next());
            }
            return pieces.get(next[0]++);
        };
    }
}
