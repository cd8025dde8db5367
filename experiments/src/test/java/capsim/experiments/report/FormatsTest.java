package capsim.experiments.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class FormatsTest {
    private static Formats<String> set() {
        return Formats.<String>none()
                .with("a", true, (r, to) -> to.terminal().print("a:" + r + " "))
                .with("b", false, (r, to) -> to.terminal().print("b:" + r + " "))
                .with("c", true, (r, to) -> to.terminal().print("c:" + r + " "));
    }

    private static <R> String written(Formats<R> formats, R result) throws IOException {
        StringWriter text = new StringWriter();
        formats.write(result, new Destination(Path.of("unused"), new PrintWriter(text, true)));
        return text.toString();
    }

    @Test
    void nothingPickedWritesTheDefaultsInOrder() throws IOException {
        assertEquals("a:x c:x ", written(set().select(List.of()), "x"));
    }

    @Test
    void pickedWritersRunInTheSetsOrderAndAllPicksEvery() throws IOException {
        assertEquals("a:x b:x ", written(set().select(List.of("b", "a")), "x"));
        assertEquals("a:x b:x c:x ", written(set().select(List.of("all")), "x"));
    }

    @Test
    void anUnknownNameIsRejectedNamingTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> set().select(List.of("d")));
        assertEquals("unknown format 'd'; known: a, b, c, all", e.getMessage());
    }

    @Test
    void aSetRendersAPartOfALargerResultAndJoinsAnother() throws IOException {
        Formats<List<String>> joined = set().<List<String>>of(l -> l.get(0))
                .and(Formats.<List<String>>none().with("d", true, (l, to) -> to.terminal().print("d:" + l.get(1))));

        assertEquals(List.of("a", "b", "c", "d"), joined.names());
        assertEquals(List.of("a", "c", "d"), joined.defaults());
        assertEquals("a:x c:x d:y", written(joined.select(List.of()), List.of("x", "y")));
    }
}
