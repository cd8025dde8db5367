/**
 * {@code capsim sweep}: run the points of an experiment file's {@code sweep} (each the base
 * model with some overrides) as one batch of jobs, every point with the same seed and stream
 * names (common random numbers), summarise each point, judge its SLOs and pick the best point
 * that passes them all ({@code choose}). {@link capsim.experiments.sweep.SweepFormats} renders
 * the table, {@code sweep.csv}, {@code sweep.json} and each point's {@code summary.json}.
 */
package capsim.experiments.sweep;
