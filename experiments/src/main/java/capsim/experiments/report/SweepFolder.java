package capsim.experiments.report;

import capsim.experiments.result.SweepData;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads a folder written by {@code sweep} back into its {@link SweepData}: sweep.json and each point's summary. */
public final class SweepFolder {
    private SweepFolder() {
    }

    /** True when {@code dir} holds a sweep's results (a sweep.json). */
    public static boolean is(Path dir) {
        return Files.isRegularFile(dir.resolve(SweepFormats.JSON_FILE));
    }

    /** The sweep kept in {@code dir}. */
    public static SweepData read(Path dir) throws IOException {
        ObjectMapper json = new ObjectMapper();
        Path file = dir.resolve(SweepFormats.JSON_FILE);
        JsonNode sweep = parse(json, file);
        if (!sweep.path("points").isArray() || !sweep.path("parameters").isArray()) {
            throw new IOException(file + ": not a capsim sweep (no 'points' or 'parameters')");
        }
        Map<Integer, JsonNode> summaries = new LinkedHashMap<>();
        for (JsonNode p : sweep.get("points")) {
            Path summary = dir.resolve(p.path("summary").asText());
            if (!p.path("summary").isTextual() || !Files.isRegularFile(summary)) {
                throw new IOException(file + ": point " + p.path("point").asInt() + ": its summary "
                        + p.path("summary").asText() + " is missing");
            }
            summaries.put(p.path("point").asInt(), parse(json, summary));
        }
        return new SweepData(sweep, summaries);
    }

    private static JsonNode parse(ObjectMapper json, Path file) throws IOException {
        try {
            return json.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": not valid JSON: " + e.getOriginalMessage());
        }
    }
}
