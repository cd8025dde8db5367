package capsim.experiments.cli;

import capsim.models.catalog.Catalog;
import capsim.models.load.ModelException;
import capsim.models.load.ModelLoader;
import capsim.models.spec.ModelSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Parameters;

/** The MODEL argument shared by the commands, and loading it against the built-in catalog. */
public final class ModelArgument {
    @Parameters(index = "0", paramLabel = "MODEL", description = "The model file (YAML or JSON).")
    private Path file;

    /** A loaded, valid model and the catalog it was checked against. */
    record Loaded(ModelSpec spec, Catalog catalog) {
    }

    /** The model file as given. */
    Path file() {
        return file;
    }

    /** Loads and validates the model file; every problem becomes one line of the exception. */
    Loaded load() throws InvalidInputException {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("capsim: " + file + ": model file not found");
        }
        Catalog catalog = Catalog.builtIn();
        try {
            return new Loaded(new ModelLoader(catalog).load(file), catalog);
        } catch (ModelException e) {
            throw InvalidInputException.of(file.toString(), e.errors());
        }
    }
}
