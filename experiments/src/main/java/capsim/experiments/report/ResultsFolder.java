package capsim.experiments.report;

import capsim.experiments.result.LatencyCdf;
import capsim.experiments.result.ModelCopy;
import capsim.experiments.result.RunResult;
import capsim.experiments.result.TimeSeries;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a results folder written by {@code run} back into its {@link RunResult}: summary.json is
 * required; the time series, scenarios, latency distributions and model copy are read when
 * present, and so are the uptime windows (a folder written with fewer formats gives a report with fewer charts).
 */
public final class ResultsFolder {
    private ResultsFolder() {
    }

    /** The result kept in {@code dir}. */
    public static RunResult read(Path dir) throws IOException {
        Path summaryFile = dir.resolve(SummaryJson.FILE);
        if (!Files.isRegularFile(summaryFile)) {
            throw new IOException(dir + ": not a results folder (no " + SummaryJson.FILE + ")");
        }
        JsonNode summary;
        try {
            summary = new ObjectMapper().readTree(summaryFile.toFile());
        } catch (JsonProcessingException e) {
            throw new IOException(summaryFile + ": not valid JSON: " + e.getOriginalMessage());
        }
        if (!summary.isObject() || !summary.has("model")) {
            throw new IOException(summaryFile + ": not a capsim summary (no 'model')");
        }
        TimeSeries series = exists(dir, TimeSeriesCsv.FILE) ? TimeSeriesCsv.read(dir.resolve(TimeSeriesCsv.FILE))
                : TimeSeries.empty();
        TimeSeries scenarios = exists(dir, TimeSeriesCsv.SCENARIOS_FILE)
                ? TimeSeriesCsv.read(dir.resolve(TimeSeriesCsv.SCENARIOS_FILE)) : TimeSeries.empty();
        List<LatencyCdf> cdfs = exists(dir, LatencyCdfCsv.FILE) ? LatencyCdfCsv.read(dir.resolve(LatencyCdfCsv.FILE))
                : List.of();
        TimeSeries uptime = exists(dir, TimeSeriesCsv.UPTIME_FILE)
                ? TimeSeriesCsv.read(dir.resolve(TimeSeriesCsv.UPTIME_FILE)) : TimeSeries.empty();
        ModelCopy model = exists(dir, ModelCopy.FILE) ? new ModelCopy(ModelCopy.FILE,
                Files.readString(dir.resolve(ModelCopy.FILE), StandardCharsets.UTF_8)) : ModelCopy.none();
        return new RunResult(summary, series, scenarios, cdfs, model, uptime);
    }

    private static boolean exists(Path dir, String file) {
        return Files.isRegularFile(dir.resolve(file));
    }
}
