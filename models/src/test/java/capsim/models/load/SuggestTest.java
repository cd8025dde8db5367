package capsim.models.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Edit distances worked by hand, and the closeness limit of suggestions. */
class SuggestTest {
    @Test
    void distanceCountsInsertionsDeletionsSubstitutionsAndTranspositions() {
        assertEquals(0, Suggest.distance("count", "count"));
        assertEquals(2, Suggest.distance("rate_per_sec", "rate_per_s"));   // delete 'e', 'c'
        assertEquals(1, Suggest.distance("t3.meduim", "t3.medium"));       // swap 'u' and 'i'
        assertEquals(1, Suggest.distance("round-robin", "round_robin"));   // '-' for '_'
        assertEquals(3, Suggest.distance("kitten", "sitting"));            // k->s, e->i, +g
        assertEquals(5, Suggest.distance("", "hello"));
    }

    @Test
    void suggestsOnlyCloseCandidates() {
        List<String> keys = List.of("name", "rate_per_s", "users", "think_s", "arrival", "steps");
        assertEquals(Optional.of("rate_per_s"), Suggest.nearest("rate_per_sec", keys));  // 2 <= 12 / 3
        assertEquals(Optional.of("steps"), Suggest.nearest("Steps", keys));              // case-insensitive
        assertEquals(Optional.of("name"), Suggest.nearest("nme", keys));                 // 1 <= max(1, 3 / 3)
        assertEquals(Optional.empty(), Suggest.nearest("colour", keys));                 // nearest is 6 edits away
        assertEquals("", Suggest.didYouMean("colour", keys));
        assertEquals("; did you mean 'users'?", Suggest.didYouMean("user", keys));
    }
}
