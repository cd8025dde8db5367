package capsim.models.load;

import capsim.models.catalog.Catalog;
import capsim.models.spec.ModelSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a model file (YAML or JSON), validates it and binds it to a {@link ModelSpec}. The text
 * is read into a located tree ({@link TreeReader}), then one pass of binders checks every key
 * and value and collects every problem, reported together in one {@link ModelException}.
 * JSON is recognised by a {@code .json} name or text starting with '{'.
 */
public final class ModelLoader {
    /** Larger files are refused before reading (a model file is a few kilobytes). */
    static final long MAX_FILE_BYTES = 8L * 1024 * 1024;

    private final Catalog catalog;

    public ModelLoader(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Loads and validates {@code file}; every problem is reported in one exception. */
    public ModelSpec load(Path file) throws ModelException {
        return load(file, List.of());
    }

    /** Loads {@code file}, applies {@code overrides} to it (in order), then validates it. */
    public ModelSpec load(Path file, List<ModelOverride> overrides) throws ModelException {
        String source = file.toString();
        String text;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw single(source, "file is larger than " + MAX_FILE_BYTES + " bytes; not a model file");
            }
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw single(source, "file not found");
        } catch (IOException e) {
            throw single(source, "cannot read the file: " + e.getMessage());
        }
        Path folder = file.toAbsolutePath().getParent();
        return parse(text, source, folder == null ? Path.of("") : folder, overrides);
    }

    /** Parses and validates {@code text}; {@code sourceName} names it in messages. */
    public ModelSpec parse(String text, String sourceName) throws ModelException {
        return parse(text, sourceName, folderOf(sourceName));
    }

    /** As {@link #parse(String, String)}, resolving relative file names against {@code baseDir}. */
    public ModelSpec parse(String text, String sourceName, Path baseDir) throws ModelException {
        return parse(text, sourceName, baseDir, List.of());
    }

    /** As {@link #parse(String, String, Path)}, with {@code overrides} applied to the text's tree before it is checked. */
    public ModelSpec parse(String text, String sourceName, Path baseDir, List<ModelOverride> overrides)
            throws ModelException {
        Problems problems = new Problems(sourceName, overrides);
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        boolean json = sourceName.toLowerCase(Locale.ROOT).endsWith(".json") || body.stripLeading().startsWith("{");
        Optional<Node> root = TreeReader.read(body, json, problems)
                .map(tree -> Overrides.apply(tree, overrides, problems));
        Optional<ModelSpec> model = root.flatMap(r -> ModelBinder.bind(r, catalog, baseDir, problems, sourceName));
        if (problems.any() || model.isEmpty()) {
            throw problems.exception();
        }
        return model.get();
    }

    private static Path folderOf(String sourceName) {
        try {
            Path parent = Path.of(sourceName).toAbsolutePath().getParent();
            return parent == null ? Path.of("") : parent;
        } catch (InvalidPathException e) {
            return Path.of("");
        }
    }

    private static ModelException single(String source, String message) {
        return new ModelException(List.of(new ModelError(source, 0, 0, "", message)));
    }
}
