/**
 * The batch engine: every command that simulates ({@code run}, {@code gate}, {@code sweep},
 * {@code compare}, {@code tune}) hands it {@link capsim.experiments.batch.Job}s, one per (model
 * with its overrides, replication), and gets back one {@link capsim.experiments.batch.JobResult}
 * per job, in job order.
 * <ul>
 * <li>{@link capsim.experiments.batch.Batch#run} runs the jobs on N threads; the results do not
 * depend on N or on the order in which jobs finish.</li>
 * <li>{@link capsim.experiments.batch.JobStore} keeps each finished job in its own file as soon
 * as it finishes (written atomically, named by {@link capsim.experiments.batch.Job#key()}), so an
 * interrupted batch loses nothing and running it again resumes: stored jobs are read back, not
 * run. {@link capsim.experiments.batch.ResultCodec} stores a result exactly (histograms in
 * HdrHistogram's compressed encoding, doubles in shortest round-trip form), so a resumed batch
 * gives the same bytes as one that ran straight through.</li>
 * <li>{@link capsim.experiments.batch.BatchProgress} hears of each finished job (a progress bar
 * on a terminal, plain lines otherwise, see {@link capsim.experiments.batch.ConsoleProgress}).</li>
 * </ul>
 * Nothing but a job and its result crosses this boundary, so a runner that ships jobs to other
 * machines can take the place of {@code Batch} without touching the commands.
 */
package capsim.experiments.batch;
