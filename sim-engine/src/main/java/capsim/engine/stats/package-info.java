/**
 * Output statistics: latency histograms ({@link capsim.engine.stats.LatencyRecorder}, HdrHistogram),
 * time-weighted averages integrated exactly at each state change
 * ({@link capsim.engine.stats.TimeWeighted}), per-window series
 * ({@link capsim.engine.stats.WindowedSeries}), and the merge of replications into a
 * {@link capsim.engine.stats.LatencySummary} with Student t intervals
 * ({@link capsim.engine.stats.ConfidenceInterval}).
 */
package capsim.engine.stats;
