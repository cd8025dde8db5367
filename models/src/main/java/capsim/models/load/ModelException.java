package capsim.models.load;

import java.util.List;
import java.util.stream.Collectors;

/** A model file that cannot be used, with every problem found in it. */
public final class ModelException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<ModelError> errors;

    public ModelException(List<ModelError> errors) {
        super(errors.stream().map(ModelError::toString).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<ModelError> errors() {
        return errors;
    }
}
