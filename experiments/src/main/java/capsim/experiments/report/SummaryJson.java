package capsim.experiments.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** summary.json: the summary tree, pretty-printed, written atomically. */
public final class SummaryJson {
    /** Its name in the results folder. */
    public static final String FILE = "summary.json";

    private SummaryJson() {
    }

    /** Writes {@code summary} to {@code file}. */
    public static void write(Path file, JsonNode summary) throws IOException {
        AtomicFiles.writeString(file, text(summary));
    }

    /** The pretty-printed text of {@code summary}, ending with a newline. */
    public static String text(JsonNode summary) {
        try {
            return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(summary) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
