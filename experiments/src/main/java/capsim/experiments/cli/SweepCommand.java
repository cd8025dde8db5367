package capsim.experiments.cli;

import capsim.experiments.batch.Batch;
import capsim.experiments.batch.ConsoleProgress;
import capsim.experiments.batch.Job;
import capsim.experiments.batch.JobStore;
import capsim.experiments.report.Destination;
import capsim.experiments.report.Formats;
import capsim.experiments.report.SweepFormats;
import capsim.experiments.sweep.Sweep;
import capsim.experiments.sweep.SweepPoint;
import capsim.experiments.sweep.SweepResult;
import capsim.models.load.ExperimentLoader;
import capsim.models.load.ModelException;
import capsim.models.spec.ExperimentSpec;
import capsim.models.spec.SweepSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code capsim sweep EXPERIMENT}: every point of the experiment's sweep, with common random numbers. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Run every point of an experiment file's sweep (all points and replications side by side,"
                + " common random numbers), print a table with the best point marked, write DIR/sweep.csv,"
                + " DIR/sweep.json, DIR/points/NNN/summary.json, the charts (cost against p99 with the Pareto front;"
                + " a heat map when two parameters vary) and DIR/report.html.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:it ran (whatever the SLO verdicts)", "2:invalid input"})
final class SweepCommand implements Callable<Integer> {
    @Spec
    private CommandSpec command;

    @Parameters(index = "0", paramLabel = "EXPERIMENT", description = "The experiment file (YAML).")
    private Path file;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder (default: results/NAME/, NAME the experiment file's name without extension).")
    private Optional<Path> out;

    @Option(names = "--threads", paramLabel = "N", description = "Jobs run side by side (default: available processors).")
    private Optional<Integer> threads;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "Replace a value of every point's model (repeatable), after the point's own values.")
    private List<String> sets = new ArrayList<>();

    @Mixin
    private FormatOption format;

    @Override
    public Integer call() throws InvalidInputException {
        int threadCount = Threads.of(command, threads);
        Formats<SweepResult> formats = format.pick(SweepFormats.all());
        ExperimentSpec experiment = load(file);
        SweepSpec sweep = experiment.sweep().orElseThrow(() -> new InvalidInputException("capsim: " + file
                + ": has no sweep (a tune: experiment runs with 'capsim tune')"));
        List<SweepPoint> points = Points.resolve(experiment, sweep.points(), ModelArgument.overrides(sets));
        Optional<String> chooseProblem = experiment.choose().flatMap(c -> points.get(0).summaries()
                .metricProblem(c.metric()).map(p -> file + ": choose: unknown summary metric '" + c.metric() + "': "
                        + p));
        if (chooseProblem.isPresent()) {
            throw new InvalidInputException(chooseProblem.get());
        }
        Path dir = out.orElse(Path.of("results", Points.name(file)));
        PrintWriter terminal = command.commandLine().getOut();
        List<Job> jobs = new ArrayList<>();
        points.forEach(p -> jobs.addAll(Job.replicationsOf(p.model())));
        long distinct = jobs.stream().map(Job::key).distinct().count();
        terminal.printf("sweep %s: %d points x %d replications = %d jobs%s on %d threads%n", file, points.size(),
                points.get(0).model().run().replications(), jobs.size(), distinct == jobs.size() ? ""
                        : " (" + distinct + " to simulate: points that differ only in what they cost share theirs)",
                Math.min(threadCount, (int) distinct));
        terminal.flush();
        JobStore store = JobStore.in(dir.resolve("jobs"));
        Batch batch = new Batch(threadCount, store, ConsoleProgress.of("sweep", command.commandLine().getErr()));
        SweepResult result = Sweep.run(sweep.parameters(), points, batch, experiment.choose());
        Destination to = new Destination(dir, terminal);
        try {
            store.retainOnly(jobs);
            terminal.println();
            formats.write(result, to);
        } catch (IOException e) {
            throw new InvalidInputException("capsim: cannot write the results to " + dir + ": " + e);
        }
        Written.list(to, terminal);
        return ExitCode.OK;
    }

    /** Loads an experiment file; its problems become the lines of the exception. */
    static ExperimentSpec load(Path file) throws InvalidInputException {
        try {
            return ExperimentLoader.load(file);
        } catch (ModelException e) {
            throw InvalidInputException.of(file.toString(), e.errors(), "experiment");
        }
    }
}
