package capsim.experiments.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What resume tests do to a results folder: lose stored jobs as a kill would, and compare summaries. */
final class StoredJobs {
    private StoredJobs() {
    }

    /** Deletes {@code n} of the jobs stored in the results folder {@code out}, as if they had not finished. */
    static void lose(Path out, int n) throws IOException {
        for (Path job : list(out).subList(0, n)) {
            Files.delete(job);
        }
    }

    /** The jobs stored in the results folder {@code out}, in name order. */
    static List<Path> list(Path out) throws IOException {
        try (Stream<Path> files = Files.list(out.resolve("jobs"))) {
            return files.sorted().toList();
        }
    }

    /** A summary.json without what the clock decides: the wall time and the event rate. */
    static ObjectNode withoutTimings(Path summary) throws IOException {
        ObjectNode tree = (ObjectNode) new ObjectMapper().readTree(summary.toFile());
        ((ObjectNode) tree.get("engine")).remove(List.of("wall_s", "events_per_s"));
        return tree;
    }
}
