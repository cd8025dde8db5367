package capsim.experiments.result;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Everything one run leaves in its results folder, in memory: the summary (summary.json), the
 * measured windows (timeseries.csv), the failure scenarios' windows (scenarios.csv), the latency
 * distributions (latency_cdf.csv), the model that was run (model.yaml) and every uptime window of
 * the main run and the scenarios with whether it met the targets (uptime_windows.csv, columns
 * {@link #UPTIME_COLUMNS}). Every writer of {@code run} renders it; {@code capsim report DIR}
 * reads it back from the folder.
 */
public record RunResult(JsonNode summary, TimeSeries series, TimeSeries scenarios, List<LatencyCdf> latencies,
                        ModelCopy model, TimeSeries uptime) {
    /** The scenario name of the main run's uptime windows (the normal state). */
    public static final String NORMAL = "normal";
    /** The columns of {@link #uptime}: window length (s), windows of the real failure it stands for, 1 if met. */
    public static final List<String> UPTIME_COLUMNS = List.of("window_s", "weight", "met");

    public RunResult {
        latencies = List.copyOf(latencies);
    }

    /** A result without uptime windows. */
    public RunResult(JsonNode summary, TimeSeries series, TimeSeries scenarios, List<LatencyCdf> latencies,
                     ModelCopy model) {
        this(summary, series, scenarios, latencies, model, TimeSeries.empty());
    }
}
