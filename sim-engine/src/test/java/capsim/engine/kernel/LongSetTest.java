package capsim.engine.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LongSetTest {

    /** The first {@code count} non-negative keys whose home slot in a 16-slot table is {@code home}. */
    private static List<Long> keysWithHome(int home, int count, List<Long> avoid) {
        List<Long> keys = new ArrayList<>();
        for (long k = 0; keys.size() < count; k++) {
            if (LongSet.index(k, 15) == home && !avoid.contains(k)) {
                keys.add(k);
            }
        }
        return keys;
    }

    @Test
    void backwardShiftKeepsAWrappedClusterReachable() {
        // In the initial 16-slot table: three keys homed at slot 14, two at 15 and one at 0
        // fill slots 14, 15, 0, 1, 2, 3 (the cluster wraps around the end). Removing the first
        // key homed at 14 must shift the rest back; each of them must still be found, and the
        // key homed at 0 must not be moved in front of its home.
        List<Long> at14 = keysWithHome(14, 3, List.of());
        List<Long> at15 = keysWithHome(15, 2, at14);
        List<Long> at0 = keysWithHome(0, 1, at14);
        LongSet set = new LongSet();
        List<Long> all = new ArrayList<>();
        all.addAll(at14);
        all.addAll(at15);
        all.addAll(at0);
        for (long k : all) {
            assertTrue(set.add(k));
        }
        assertEquals(6, set.size());

        assertTrue(set.remove(at14.get(0)));
        assertFalse(set.remove(at14.get(0)), "removed twice");
        for (long k : all.subList(1, all.size())) {
            assertFalse(set.add(k), "key " + k + " lost by the backward shift");
        }
        // remove from the middle of the wrapped part, then everything else
        assertTrue(set.remove(at15.get(1)));
        for (long k : List.of(at14.get(1), at14.get(2), at15.get(0), at0.get(0))) {
            assertTrue(set.remove(k), "key " + k + " lost");
        }
        assertEquals(0, set.size());
    }

    @Test
    void agreesWithHashSetOnRandomOperationsOverASmallKeyRange() {
        // 100,000 random adds and removes over keys 0..199: the table grows through several
        // sizes and is full of collisions and deletions; every answer must match HashSet.
        SplittableRandom rnd = new SplittableRandom(7);
        LongSet set = new LongSet();
        Set<Long> reference = new HashSet<>();
        for (int op = 0; op < 100_000; op++) {
            long key = rnd.nextInt(200);
            if (rnd.nextInt(3) == 0) {
                assertEquals(reference.remove(key), set.remove(key), "remove " + key + " at op " + op);
            } else {
                assertEquals(reference.add(key), set.add(key), "add " + key + " at op " + op);
            }
            assertEquals(reference.size(), set.size());
        }
        for (long key = 0; key < 200; key++) {
            assertEquals(reference.contains(key), !set.add(key), "membership of " + key);
        }
    }
}
