package capsim.models.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import capsim.models.catalog.Catalog;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Syntax errors are located, hostile YAML is refused quickly, and the tree keeps locations. */
class TreeReaderTest {
    private final ModelLoader loader = new ModelLoader(Catalog.builtIn());

    private ModelError onlyError(String text, String source) {
        List<ModelError> errors = assertThrows(ModelException.class, () -> loader.parse(text, source)).errors();
        assertEquals(1, errors.size(), errors::toString);
        return errors.get(0);
    }

    private static void assertNoInternals(ModelError e) {
        assertFalse(e.message().contains("\n"), e::toString);
        assertFalse(e.message().contains("Exception"), e::toString);
        assertFalse(e.message().contains("[Source"), e::toString);
        assertFalse(e.message().contains("'reader'"), e::toString);
    }

    @Test
    void billionLaughsFailsWithAClearError() {
        // 10 aliases per level, 10 levels: 10^9 strings if expanded. lol0 holds 1 + 10 values
        // (the list and its strings), lol_k holds 1 + 10 + ... + 10^(k+1): lol4 = 111,111 > 100,000,
        // so reading stops at lol4's list, line 6, column 7 (after 40 aliases, within the 50 allowed).
        List<ModelError> errors = assertThrows(ModelException.class,
                () -> loader.load(ModelLoaderTest.resource("billion-laughs.yaml"))).errors();
        assertEquals(1, errors.size(), errors::toString);
        ModelError e = errors.get(0);
        assertEquals(6, e.line());
        assertEquals(7, e.column());
        assertTrue(e.message().contains("billion laughs"), e::toString);
    }

    @Test
    void tooManyCollectionAliasesAreRefused() {
        // 51 aliases of a one-element list: few values, but more aliases than allowed.
        String text = "a: &a [1]\nb: [" + IntStream.range(0, 51).mapToObj(i -> "*a")
                .collect(Collectors.joining(", ")) + "]\n";
        ModelError e = onlyError(text, "aliases.yaml");
        assertEquals(2, e.line());
        // the 51st alias: "b: [" is 4 characters, then 50 times "*a, " (4 each)
        assertEquals(5 + 50 * 4, e.column());
        assertTrue(e.message().contains("more than 50 aliases"), e::toString);
    }

    @Test
    void aliasToAnUndefinedAnchorIsReported() {
        ModelError e = onlyError("name: *nothing\n", "alias.yaml");
        assertEquals(new ModelError("alias.yaml", 1, 7, "name", e.message()), e);
        assertTrue(e.message().contains("no anchor '&nothing'"), e::toString);
    }

    @Test
    void unparsableYamlGivesLineAndColumn() {
        String text = """
                name: x
                tiers:
                  - name: a
                   count: 3
                """;
        ModelError e = onlyError(text, "broken.yaml");
        assertEquals(4, e.line());
        assertEquals(4, e.column());
        assertEquals("", e.keyPath());
        assertTrue(e.message().startsWith("syntax error: expected <block end>"), e::toString);
        assertNoInternals(e);
        assertTrue(e.toString().startsWith("broken.yaml:4:4: syntax error"), e::toString);
    }

    @Test
    void tabIndentationIsLocated() {
        ModelError e = onlyError("name: x\n\tworkload: {}\n", "tab.yaml");
        assertEquals(2, e.line());
        assertEquals(1, e.column());
        assertNoInternals(e);
    }

    @Test
    void unparsableJsonGivesLineAndColumn() {
        ModelError e = onlyError("{\n  \"name\": \"x\",\n  \"tiers\": [1, 2\n}\n", "broken.json");
        assertEquals(4, e.line());
        assertEquals(1, e.column());
        assertTrue(e.message().startsWith("syntax error: "), e::toString);
        assertNoInternals(e);
    }

    @Test
    void emptyFileAndSeveralDocumentsAreRefused() {
        assertTrue(onlyError("", "empty.yaml").message().contains("empty"));
        assertTrue(onlyError("# only a comment\n", "empty.yaml").message().contains("empty"));
        ModelError e = onlyError(ModelLoaderTest.MINIMAL + "---\nname: second\n", "two.yaml");
        assertEquals(12, e.line());
        assertTrue(e.message().contains("only one document"), e::toString);
    }

    @Test
    void deepNestingIsRefused() {
        ModelError e = onlyError("a: " + "[".repeat(500) + "]".repeat(500) + "\n", "deep.yaml");
        assertEquals(1, e.line());
        // the 101st '[' opens the value at depth 101: column 4 + 100
        assertEquals(104, e.column());
        assertTrue(e.message().contains("nested more than 100 levels"), e::toString);
    }

    @Test
    void treeKeepsKeyAndValueLocations() {
        Problems problems = new Problems("t.yaml");
        Node root = TreeReader.read("a: 1\nb:\n  - x\n  - {c: 0x10, d: 1_000, e: 2.5, f: ~, g:}\n", false, problems)
                .orElseThrow();
        assertFalse(problems.any());
        Node.MapNode map = assertInstanceOf(Node.MapNode.class, root);
        Node.Entry b = map.entries().get("b");
        assertEquals(List.of(2, 1), List.of(b.line(), b.column()));
        Node.ListNode list = assertInstanceOf(Node.ListNode.class, b.value());
        assertEquals(new Node.Scalar(3, 5, Node.Scalar.Kind.STRING, "x", Double.NaN), list.items().get(0));
        Node.MapNode inner = assertInstanceOf(Node.MapNode.class, list.items().get(1));
        assertEquals(new Node.Scalar(4, 9, Node.Scalar.Kind.INTEGER, "16", 16), inner.entries().get("c").value());
        assertEquals(new Node.Scalar(4, 18, Node.Scalar.Kind.INTEGER, "1000", 1000), inner.entries().get("d").value());
        assertEquals(Node.Scalar.Kind.FLOAT, ((Node.Scalar) inner.entries().get("e").value()).kind());
        assertEquals(Node.Scalar.Kind.NULL, ((Node.Scalar) inner.entries().get("f").value()).kind());
        assertEquals(Node.Scalar.Kind.NULL, ((Node.Scalar) inner.entries().get("g").value()).kind());
        // root map, "a" value, "b" list, "x", inner map and its five values
        assertEquals(10, root.size());
    }

    @Test
    void mergeKeysGiveWayToExplicitKeys() {
        Problems problems = new Problems("m.yaml");
        Node root = TreeReader.read("base: &b {x: 1, y: 2}\nuse: {y: 3, <<: *b}\n", false, problems).orElseThrow();
        Node.MapNode use = (Node.MapNode) ((Node.MapNode) root).entries().get("use").value();
        assertEquals(List.of("y", "x"), List.copyOf(use.entries().keySet()));
        assertEquals("3", ((Node.Scalar) use.entries().get("y").value()).text());
        assertEquals(Optional.empty(), Optional.ofNullable(use.entries().get("<<")));
    }
}
