package capsim.experiments.cli;

import capsim.experiments.batch.Batch;
import capsim.experiments.batch.ConsoleProgress;
import capsim.experiments.batch.Job;
import capsim.experiments.batch.JobResult;
import capsim.experiments.batch.JobStore;
import capsim.experiments.compare.CompareResult;
import capsim.experiments.compare.Comparison;
import capsim.experiments.report.CompareFormats;
import capsim.experiments.report.Destination;
import capsim.experiments.report.Formats;
import capsim.experiments.summary.ReplicationSamples;
import capsim.models.load.ModelOverride;
import capsim.models.spec.ModelSpec;
import capsim.models.spec.SloSpec;
import capsim.models.system.ReplicationResult;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code capsim compare A B}: both models with common random numbers, B - A per metric with a paired interval. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Run models A and B with common random numbers (A's run settings and seed for both) and"
                + " compare them metric by metric: A, B, B - A, its paired 95%% interval over the replications and"
                + " a verdict (better, worse, no significant difference). Writes DIR/compare.json and DIR/compare.md.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:it ran (whatever the verdicts)", "2:invalid input"})
final class CompareCommand implements Callable<Integer> {
    @Spec
    private CommandSpec command;

    @Parameters(index = "0", paramLabel = "A", description = "The first model file (the reference).")
    private Path fileA;

    @Parameters(index = "1", paramLabel = "B", description = "The second model file (the change).")
    private Path fileB;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Replace a value of both models (repeatable).")
    private List<String> sets = new ArrayList<>();

    @Option(names = "--set-b", paramLabel = "PATH=VALUE",
            description = "Replace a value of B only (repeatable, after --set): compare a model with a variant of itself.")
    private List<String> setsB = new ArrayList<>();

    @Mixin
    private RunOptions options;

    @Mixin
    private FormatOption format;

    @Override
    public Integer call() throws InvalidInputException {
        options.validate();
        Formats<CompareResult> formats = format.pick(CompareFormats.all());
        List<ModelOverride> overrides = ModelArgument.overrides(sets);
        CheckedModel a = checked(fileA, overrides, null);
        List<ModelOverride> overridesB = new ArrayList<>(overrides);
        overridesB.addAll(ModelArgument.overrides(setsB));
        CheckedModel b = checked(fileB, overridesB, a.spec());
        int replications = a.spec().run().replications();
        if (replications < 2) {
            throw new ParameterException(command.commandLine(), "compare needs at least 2 replications to pair,"
                    + " was " + replications);
        }
        PrintWriter terminal = command.commandLine().getOut();
        Path dir = options.outDir(a.spec().name() + "-vs-" + b.spec().name());
        List<Job> jobs = new ArrayList<>(Job.replicationsOf(a.spec()));
        jobs.addAll(Job.replicationsOf(b.spec()));
        terminal.printf("compare %s with %s: %d paired replications, seed %d, on %d threads%n", fileA, fileB,
                replications, a.spec().run().seed(), Math.min(options.threads(), jobs.size()));
        terminal.flush();
        JobStore store = JobStore.in(dir.resolve("jobs"));
        List<JobResult> results = new Batch(options.threads(), store,
                ConsoleProgress.of("compare", command.commandLine().getErr())).run(jobs);
        List<ReplicationResult> ra = results.subList(0, replications).stream().map(JobResult::result).toList();
        List<ReplicationResult> rb = results.subList(replications, jobs.size()).stream().map(JobResult::result)
                .toList();
        ObjectNode summaryA = a.summaryBuilder().build(ra, wall(results.subList(0, replications)));
        ObjectNode summaryB = b.summaryBuilder().build(rb, wall(results.subList(replications, jobs.size())));
        List<SloSpec> slo = new ArrayList<>(a.spec().slo());
        slo.addAll(b.spec().slo());
        List<Comparison.Row> rows = Comparison.compare(Comparison.metrics(a.spec(), b.spec(), summaryA, summaryB),
                slo, summaryA, summaryB, ReplicationSamples.of(a.summaryBuilder(), ra),
                ReplicationSamples.of(b.summaryBuilder(), rb));
        CompareResult result = new CompareResult(fileA.toString(), fileB + (setsB.isEmpty() ? ""
                : " with " + String.join(", ", setsB)), replications,
                a.spec().run().seed(), rows);
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

    /** The model in {@code file} with the overrides and the options; B takes A's run settings (common random numbers). */
    private CheckedModel checked(Path file, List<ModelOverride> overrides, ModelSpec a) throws InvalidInputException {
        ModelArgument.Loaded loaded = ModelArgument.load(file, overrides);
        ModelSpec spec = a == null ? options.apply(loaded.spec()) : loaded.spec().withRun(a.run());
        return CheckedModel.check(spec, loaded.catalog());
    }

    private static double wall(List<JobResult> results) {
        return results.stream().mapToDouble(JobResult::wallS).sum();
    }
}
