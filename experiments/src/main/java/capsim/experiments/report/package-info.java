/**
 * What a run leaves behind: the terminal tables (summary, gate, offered load), summary.json and
 * timeseries.csv, written atomically.
 */
package capsim.experiments.report;
