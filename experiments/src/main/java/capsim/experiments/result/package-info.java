/**
 * What one run leaves behind, in memory: the summary, the time series of its windows (measured
 * run and failure scenarios), the latency distributions and the model that was run. Built from
 * the replications ({@link capsim.experiments.result.RunResults}) or read back from a results
 * folder; every writer renders it.
 */
package capsim.experiments.result;
