package capsim.experiments.compare;

import java.util.List;

/** A comparison of model {@code a} with model {@code b} over {@code replications} paired replications. */
public record CompareResult(String a, String b, int replications, long seed, List<Comparison.Row> rows) {
    public CompareResult {
        rows = List.copyOf(rows);
    }
}
