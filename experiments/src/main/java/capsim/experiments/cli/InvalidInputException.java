package capsim.experiments.cli;

import capsim.models.load.ModelError;
import java.util.ArrayList;
import java.util.List;

/** Input capsim cannot use; its lines are printed to stderr as they are and capsim exits 2. */
final class InvalidInputException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<String> lines;

    InvalidInputException(List<String> lines) {
        super(String.join("\n", lines));
        this.lines = List.copyOf(lines);
    }

    InvalidInputException(String line) {
        this(List.of(line));
    }

    /** One line per error (file:line:col: key: message), then "capsim: FILE: invalid model (N errors)". */
    static InvalidInputException of(String file, List<ModelError> errors) {
        return of(file, errors, "model");
    }

    /** As {@link #of(String, List)} for a file of another kind ({@code what}: "experiment"). */
    static InvalidInputException of(String file, List<ModelError> errors, String what) {
        List<String> lines = new ArrayList<>();
        errors.forEach(error -> lines.add(error.toString()));
        lines.add("capsim: " + file + ": invalid " + what + " (" + errors.size()
                + (errors.size() == 1 ? " error)" : " errors)"));
        return new InvalidInputException(lines);
    }

    List<String> lines() {
        return lines;
    }
}
