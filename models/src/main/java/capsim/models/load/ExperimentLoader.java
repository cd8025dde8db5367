package capsim.models.load;

import capsim.models.spec.ExperimentSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads an experiment file (YAML): a base model and what to do with it, a sweep or a tuning.
 * Every problem is reported with the file, line, column and key, as for model files; the base
 * model itself is loaded (and checked) by {@link ModelLoader} when the experiment runs.
 */
public final class ExperimentLoader {
    private ExperimentLoader() {
    }

    /** Loads and checks {@code file}. */
    public static ExperimentSpec load(Path file) throws ModelException {
        String source = file.toString();
        String text;
        try {
            if (Files.size(file) > ModelLoader.MAX_FILE_BYTES) {
                throw single(source, "file is larger than " + ModelLoader.MAX_FILE_BYTES + " bytes");
            }
            text = Files.readString(file);
        } catch (IOException e) {
            throw single(source, Files.exists(file) ? "cannot read the file: " + e.getMessage() : "file not found");
        }
        Problems problems = new Problems(source);
        Optional<ExperimentSpec> spec = TreeReader.read(text, false, problems)
                .flatMap(root -> ExperimentBinder.bind(root, file, problems));
        if (problems.any() || spec.isEmpty()) {
            throw problems.exception();
        }
        return spec.get();
    }

    private static ModelException single(String source, String message) {
        return new ModelException(List.of(new ModelError(source, 0, 0, "", message)));
    }
}
