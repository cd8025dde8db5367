/**
 * Merging replications into the summary.json tree (CONTRACT.md section 3): latency blocks with
 * Student-t intervals of the p99, SLO verdicts on dotted metric paths, window-based uptime and
 * the monthly cost.
 */
package capsim.experiments.summary;
