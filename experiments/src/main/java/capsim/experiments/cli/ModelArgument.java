package capsim.experiments.cli;

import capsim.models.catalog.Catalog;
import capsim.models.load.ModelException;
import capsim.models.load.ModelLoader;
import capsim.models.load.ModelOverride;
import capsim.models.spec.ModelSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The MODEL argument shared by the commands, its {@code --set} overrides, and loading it against the built-in catalog. */
public final class ModelArgument {
    @Parameters(index = "0", paramLabel = "MODEL", description = "The model file (YAML or JSON).")
    private Path file;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "Replace a value of the model before it is checked (repeatable), e.g. tiers.app.count=6,"
                    + " workload.classes.api.rate_per_s=500, run.replications=10.")
    private List<String> sets = new ArrayList<>();

    /** A loaded, valid model and the catalog it was checked against. */
    record Loaded(ModelSpec spec, Catalog catalog) {
    }

    /** Loads and validates the model file with its overrides; every problem becomes one line of the exception. */
    Loaded load() throws InvalidInputException {
        return load(file, overrides(sets));
    }

    Path file() {
        return file;
    }

    /** The {@code --set} overrides, in order. */
    List<ModelOverride> overrides() throws InvalidInputException {
        return overrides(sets);
    }

    /** Parses {@code PATH=VALUE} arguments; a malformed one is invalid input. */
    static List<ModelOverride> overrides(List<String> arguments) throws InvalidInputException {
        List<ModelOverride> overrides = new ArrayList<>();
        for (String argument : arguments) {
            try {
                overrides.add(ModelOverride.parse(argument));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("capsim: --set " + argument + ": " + e.getMessage());
            }
        }
        return List.copyOf(overrides);
    }

    /** Loads and validates {@code file} with {@code overrides} applied. */
    static Loaded load(Path file, List<ModelOverride> overrides) throws InvalidInputException {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("capsim: " + file + ": model file not found");
        }
        Catalog catalog = Catalog.builtIn();
        try {
            return new Loaded(new ModelLoader(catalog).load(file, overrides), catalog);
        } catch (ModelException e) {
            throw InvalidInputException.of(file.toString(), e.errors());
        }
    }
}
