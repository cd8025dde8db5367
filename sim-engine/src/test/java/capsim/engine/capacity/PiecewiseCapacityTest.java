package capsim.engine.capacity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PiecewiseCapacityTest {
    /** A source repeating {@code pieces} in a cycle. */
    static PieceSource cycle(Piece... pieces) {
        List<Piece> list = List.of(pieces);
        int[] i = {0};
        return () -> list.get(i[0]++ % list.size());
    }

    @Test
    void cumulativeAndInverseOverAStallAndASlowStretch() {
        // 2 s at speed 1, 1 s stalled, 2 s at speed 0.5, repeated: C(2) = 2, C(3) = 2, C(5) = 3,
        // C(7) = 5. A job starting at 1 with work 2 has 1 done by 2, waits out the stall, then
        // needs 1 more at speed 0.5: leaves at 5.
        PiecewiseCapacity c = new PiecewiseCapacity(cycle(new Piece(2, 1), new Piece(1, 0), new Piece(2, 0.5)));
        assertEquals(2, c.cumulative(2.5), 1e-12);
        assertEquals(3, c.cumulative(5), 1e-12);
        assertEquals(5, c.cumulative(7), 1e-12);
        assertEquals(5, c.finishTime(1, 2), 1e-12);
        assertEquals(2, c.timeAt(2), 1e-12); // the earliest time C reaches 2: the stall's start
        assertEquals(1, c.workBetween(2, 5), 1e-12);
        assertEquals(3.5, c.finishTime(3.5, 0), 0);
    }

    @Test
    void forgettingKeepsLaterAnswersAndRefusesEarlierTimes() {
        // 1 s up, 1 s stalled, repeated: C(t) at t = 2k + 0.5 is k + 0.5
        PiecewiseCapacity c = new PiecewiseCapacity(cycle(new Piece(1, 1), new Piece(1, 0)));
        c.cumulative(10_000.5);
        c.forgetBefore(9_000);
        assertEquals(4_750.5, c.cumulative(9_500.5), 1e-9);
        assertEquals(9_502.5, c.finishTime(9_500.5, 1), 1e-9); // 0.5 before the stall, 0.5 after
        assertThrows(IllegalStateException.class, () -> c.cumulative(10));
    }

    @Test
    void productOfSourcesMultipliesSpeedsPiecewise() {
        // a: 3 s at 1 then 3 s at 0.5; b: 2 s at 1 then 1 s at 0. Product over [0, 6): 1 on
        // [0,2), 0 on [2,3), 0.5 on [3,5), 0 on [5,6): C(6) = 2 + 1 = 3.
        PieceSource p = cycle(new Piece(3, 1), new Piece(3, 0.5)).times(cycle(new Piece(2, 1), new Piece(1, 0)));
        PiecewiseCapacity c = new PiecewiseCapacity(p);
        assertEquals(3, c.cumulative(6), 1e-12);
        assertEquals(2, c.cumulative(3), 1e-12);
    }

    @Test
    void sharedTrackReplaysTheSamePiecesToEveryReader() {
        int[] drawn = {0};
        SharedTrack track = new SharedTrack(() -> new Piece(1 + drawn[0]++, 1));
        PieceSource a = track.reader();
        PieceSource b = track.reader();
        assertEquals(1, a.next().durationS());
        assertEquals(2, a.next().durationS());
        assertEquals(1, b.next().durationS());
        assertEquals(2, drawn[0]);
    }
}
