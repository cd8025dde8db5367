package capsim.models.load;

/**
 * One problem in a model file: where it is (file, 1-based line and column, 0 when unknown),
 * which key (a path such as {@code tiers[2].count}) and what is wrong.
 */
public record ModelError(String file, int line, int column, String keyPath, String message) {
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(file);
        if (line > 0) {
            b.append(':').append(line);
            if (column > 0) {
                b.append(':').append(column);
            }
        }
        b.append(": ");
        if (!keyPath.isEmpty()) {
            b.append(keyPath).append(": ");
        }
        return b.append(message).toString();
    }
}
