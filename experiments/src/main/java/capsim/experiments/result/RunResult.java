package capsim.experiments.result;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Everything one run leaves in its results folder, in memory: the summary (summary.json), the
 * measured windows (timeseries.csv), the failure scenarios' windows (scenarios.csv), the latency
 * distributions (latency_cdf.csv) and the model that was run (model.yaml). Every writer of
 * {@code run} renders it; {@code capsim report DIR} reads it back from the folder.
 */
public record RunResult(JsonNode summary, TimeSeries series, TimeSeries scenarios, List<LatencyCdf> latencies,
                        ModelCopy model) {
    public RunResult {
        latencies = List.copyOf(latencies);
    }
}
