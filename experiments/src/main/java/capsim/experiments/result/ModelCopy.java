package capsim.experiments.result;

/** The model file that was run, as its text: kept in the results folder as model.yaml. */
public record ModelCopy(String source, String text) {
    /** Its name in the results folder (JSON is YAML too). */
    public static final String FILE = "model.yaml";

    /** No copy (a folder written before copies were kept). */
    public static ModelCopy none() {
        return new ModelCopy("", "");
    }

    public boolean isPresent() {
        return !text.isEmpty();
    }
}
