package capsim.models.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML or JSON text into a {@link Node} tree that keeps the line and column of every key
 * and value, by walking Jackson's streaming token stream (SnakeYAML underneath for YAML).
 * <p>
 * Safety: Jackson's YAML parser hands aliases over unexpanded; this reader expands them itself,
 * within bounds: at most {@value #MAX_COLLECTION_ALIASES} aliases of mappings or lists (as
 * SnakeYAML's {@code LoaderOptions.maxAliasesForCollections} does) and at most
 * {@value #MAX_VALUES} values after expansion, so a "billion laughs" file stops at once. The
 * text is limited to {@value #MAX_CODE_POINTS} code points (SnakeYAML's {@code codePointLimit})
 * and {@value #MAX_NESTING} levels of nesting.
 * An empty value reads as null ({@code key:} with nothing after it); yes/no/on/off are strings.
 * Duplicate keys in one mapping are reported. YAML merge keys ({@code <<: *base}) are applied,
 * explicit keys winning over merged ones.
 */
final class TreeReader {
    static final int MAX_COLLECTION_ALIASES = 50;
    static final long MAX_VALUES = 100_000;
    static final int MAX_CODE_POINTS = 4 * 1024 * 1024;
    static final int MAX_NESTING = 100;
    private static final String MERGE_KEY = "<<";
    /** Jackson's "[Source: ...; line: 3, column: 12]" inside a message. */
    private static final Pattern JACKSON_LOCATION = Pattern.compile("\\[Source: [^;]*; line: (\\d+), column: (\\d+)]");

    private final Problems problems;
    private final Map<String, Node> anchors = new HashMap<>();
    private int collectionAliases;

    private TreeReader(Problems problems) {
        this.problems = problems;
    }

    /** Parses {@code text}; on a syntax or safety error reports it and returns empty. */
    static Optional<Node> read(String text, boolean json, Problems problems) {
        return new TreeReader(problems).readDocument(text, json);
    }

    private Optional<Node> readDocument(String text, boolean json) {
        try (JsonParser p = factory(json).createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                problems.at(1, 1, "", "the file is empty");
                return Optional.empty();
            }
            Node root = readValue(p, "", 0);
            if (p.nextToken() != null) {
                JsonLocation at = p.currentTokenLocation();
                problems.at(at.getLineNr(), at.getColumnNr(), "", "only one document is allowed in a model file");
            }
            return Optional.of(root);
        } catch (Unreadable e) {
            problems.at(e.line, e.column, e.path, e.getMessage());
        } catch (JsonProcessingException e) {
            reportSyntax(e);
        } catch (IOException | RuntimeException e) {
            problems.at(0, 0, "", "cannot parse: " + e.getMessage());
        }
        return Optional.empty();
    }

    private static JsonFactory factory(boolean json) {
        if (json) {
            return JsonFactory.builder().build();
        }
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_CODE_POINTS);
        options.setMaxAliasesForCollections(MAX_COLLECTION_ALIASES);
        return YAMLFactory.builder().loaderOptions(options)
                .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
                .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
                .build();
    }

    private Node readValue(JsonParser p, String path, int depth) throws IOException {
        JsonLocation at = p.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        if (depth > MAX_NESTING) {
            throw new Unreadable("values nested more than " + MAX_NESTING + " levels deep", path, line, column);
        }
        Optional<String> anchor = anchorOf(p);
        Node node = switch (p.currentToken()) {
            case START_OBJECT -> readMap(p, path, line, column, depth);
            case START_ARRAY -> readList(p, path, line, column, depth);
            case VALUE_STRING -> isAlias(p) ? resolveAlias(p.getText(), path, line, column)
                    : new Node.Scalar(line, column, Node.Scalar.Kind.STRING, p.getText(), Double.NaN);
            case VALUE_NUMBER_INT -> new Node.Scalar(line, column, Node.Scalar.Kind.INTEGER,
                    p.getBigIntegerValue().toString(), p.getDoubleValue());
            case VALUE_NUMBER_FLOAT -> new Node.Scalar(line, column, Node.Scalar.Kind.FLOAT, p.getText(),
                    p.getDoubleValue());
            case VALUE_TRUE, VALUE_FALSE -> new Node.Scalar(line, column, Node.Scalar.Kind.BOOLEAN, p.getText(),
                    Double.NaN);
            case VALUE_NULL -> new Node.Scalar(line, column, Node.Scalar.Kind.NULL, "", Double.NaN);
            default -> throw new Unreadable("unexpected " + p.currentToken(), path, line, column);
        };
        anchor.ifPresent(a -> anchors.put(a, node));
        return node;
    }

    private Node readMap(JsonParser p, String path, int line, int column, int depth) throws IOException {
        Map<String, Node.Entry> entries = new LinkedHashMap<>();
        List<Node.Entry> merges = new ArrayList<>();
        long size = 1;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            JsonLocation keyAt = p.currentTokenLocation();
            String keyPath = Problems.child(path, key);
            p.nextToken();
            Node value = readValue(p, keyPath, depth + 1);
            Node.Entry entry = new Node.Entry(key, keyAt.getLineNr(), keyAt.getColumnNr(), value);
            Node.Entry first = entries.get(key);
            if (key.equals(MERGE_KEY) && isYaml(p)) {
                merges.add(entry);
            } else if (first != null) {
                problems.at(entry.line(), entry.column(), keyPath,
                        "duplicate key '" + key + "' (first given at line " + first.line() + ")");
            } else {
                entries.put(key, entry);
                size += value.size();
            }
        }
        for (Node.Entry merge : merges) {
            size += merge(entries, merge, path);
        }
        return new Node.MapNode(line, column, entries, checked(size, line, column));
    }

    /** Adds the keys of a merged mapping (or list of mappings) that are not yet present. */
    private long merge(Map<String, Node.Entry> entries, Node.Entry merge, String path) {
        List<Node> sources = merge.value() instanceof Node.ListNode list ? list.items() : List.of(merge.value());
        long added = 0;
        for (Node source : sources) {
            if (!(source instanceof Node.MapNode map)) {
                problems.at(source, Problems.child(path, MERGE_KEY), "a merge key takes a mapping or a list of "
                        + "mappings, found " + source.describe());
                continue;
            }
            for (Node.Entry e : map.entries().values()) {
                if (entries.putIfAbsent(e.key(), e) == null) {
                    added += e.value().size();
                }
            }
        }
        return added;
    }

    private Node readList(JsonParser p, String path, int line, int column, int depth) throws IOException {
        List<Node> items = new ArrayList<>();
        long size = 1;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            Node item = readValue(p, Problems.item(path, items.size()), depth + 1);
            items.add(item);
            size += item.size();
        }
        return new Node.ListNode(line, column, items, checked(size, line, column));
    }

    private Node resolveAlias(String name, String path, int line, int column) {
        Node target = anchors.get(name);
        if (target == null) {
            throw new Unreadable("alias '*" + name + "' refers to no anchor '&" + name + "' before it", path, line,
                    column);
        }
        if (!(target instanceof Node.Scalar) && ++collectionAliases > MAX_COLLECTION_ALIASES) {
            throw new Unreadable("more than " + MAX_COLLECTION_ALIASES + " aliases of mappings or lists; "
                    + "alias expansion is bounded to refuse 'billion laughs' files", path, line, column);
        }
        return target;
    }

    private static long checked(long size, int line, int column) {
        if (size > MAX_VALUES) {
            throw new Unreadable("the file expands to more than " + MAX_VALUES + " values (through YAML aliases?); "
                    + "alias expansion is bounded to refuse 'billion laughs' files", "", line, column);
        }
        return size;
    }

    private static boolean isYaml(JsonParser p) {
        return p instanceof YAMLParser;
    }

    private static boolean isAlias(JsonParser p) {
        return p instanceof YAMLParser y && y.isCurrentAlias();
    }

    private static Optional<String> anchorOf(JsonParser p) throws IOException {
        if (p instanceof YAMLParser y && !y.isCurrentAlias()) {
            return Optional.ofNullable(y.getObjectId()).map(Object::toString);
        }
        return Optional.empty();
    }

    /** Reports a syntax error at SnakeYAML's problem mark (more precise) or Jackson's location. */
    private void reportSyntax(JsonProcessingException e) {
        Throwable cause = e.getCause();
        if (cause instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
            Mark mark = marked.getProblemMark();
            String message = marked.getProblem();
            if (marked.getContext() != null && marked.getContextMark() != null) {
                Mark ctx = marked.getContextMark();
                message += " (" + marked.getContext() + " that starts at line " + (ctx.getLine() + 1) + ", column "
                        + (ctx.getColumn() + 1) + ")";
            } else if (marked.getContext() != null) {
                message += " (" + marked.getContext() + ")";
            }
            problems.at(mark.getLine() + 1, mark.getColumn() + 1, "", "syntax error: " + message);
            return;
        }
        JsonLocation at = e.getLocation();
        String message = cause != null && cause.getMessage() != null ? cause.getMessage() : e.getOriginalMessage();
        message = JACKSON_LOCATION.matcher(message.strip()).replaceAll("line $1, column $2");
        problems.at(at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(), "", "syntax error: " + message);
    }

    /** Stops reading at once: the input is too large or cannot be read on. */
    private static final class Unreadable extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String path;
        private final int line;
        private final int column;

        Unreadable(String message, String path, int line, int column) {
            super(message, null, false, false);
            this.path = path;
            this.line = line;
            this.column = column;
        }
    }
}
