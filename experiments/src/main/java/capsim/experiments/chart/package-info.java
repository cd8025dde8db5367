/**
 * The charts of a run, drawn with JFreeChart from its {@link capsim.experiments.result.RunResult}:
 * latency over time with the targets and the replications' band, tiers' load and capacity, latency
 * distributions, downtime by failure mode, and the bill against the budget.
 */
package capsim.experiments.chart;
