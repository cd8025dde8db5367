package capsim.experiments.cli;

import capsim.experiments.batch.Batch;
import capsim.experiments.batch.ConsoleProgress;
import capsim.experiments.batch.Job;
import capsim.experiments.batch.JobStore;
import capsim.experiments.batch.Precision;
import capsim.experiments.report.Destination;
import capsim.experiments.report.Formats;
import capsim.experiments.result.ModelCopy;
import capsim.experiments.result.RunResult;
import capsim.experiments.result.RunResults;
import capsim.models.load.ModelOverride;
import capsim.models.spec.ModelSpec;
import capsim.models.system.ReplicationResult;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * What {@code run} and {@code gate} share: check the model and options before anything runs,
 * run the replications (as batch jobs, resumable), merge them into the summary, and hand the
 * result to the picked writers.
 */
final class Experiment {
    private final CheckedModel model;
    private final ModelCopy copy;
    private final Path outDir;
    private final int threads;

    private Experiment(CheckedModel model, ModelCopy copy, Path outDir, int threads) {
        this.model = model;
        this.copy = copy;
        this.outDir = outDir;
        this.threads = threads;
    }

    /** Checks the options and the model; nothing is run or written yet. */
    static Experiment prepare(ModelArgument modelFile, RunOptions options) throws InvalidInputException {
        options.validate();
        ModelArgument.Loaded loaded = modelFile.load();
        ModelSpec spec = options.apply(loaded.spec());
        ModelCopy copy;
        try {
            copy = new ModelCopy(modelFile.file().toString(), overridden(modelFile.overrides())
                    + Files.readString(modelFile.file(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InvalidInputException("capsim: " + modelFile.file() + ": cannot read: " + e.getMessage());
        }
        CheckedModel checked = CheckedModel.check(spec, loaded.catalog());
        Path outDir = options.outDir(spec);
        checkWritable(outDir);
        return new Experiment(checked, copy, outDir, options.threads());
    }

    /**
     * The output folder must be able to take files before anything is simulated: it, or the
     * nearest folder above it that exists, is a writable folder. Nothing is created here.
     */
    private static void checkWritable(Path outDir) throws InvalidInputException {
        Path existing = outDir.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
            throw new InvalidInputException("capsim: " + outDir + ": cannot write the results there ("
                    + (existing == null ? "no such folder" : existing + (Files.isDirectory(existing)
                    ? " is not writable" : " is not a folder")) + ")");
        }
    }

    /** Comment lines naming the {@code --set} overrides the copy of the file was run with. */
    private static String overridden(List<ModelOverride> overrides) {
        StringBuilder b = new StringBuilder();
        overrides.forEach(o -> b.append("# run with --set ").append(o).append('\n'));
        return b.toString();
    }

    /**
     * Runs the replications as jobs kept in {@code DIR/jobs/} (a rerun after an interruption
     * resumes) and merges them; what runs goes to {@code out}, the progress bar to {@code err}.
     */
    RunResult simulate(PrintWriter out, PrintWriter err) throws InvalidInputException {
        ModelSpec spec = model.spec();
        int replications = spec.run().replications();
        int running = Math.min(threads, replications);
        out.printf("running %s: %d %s on %d %s%n", spec.name(), replications,
                replications == 1 ? "replication" : "replications", running, running == 1 ? "thread" : "threads");
        out.flush();
        long start = System.nanoTime();
        List<Job> jobs = new ArrayList<>(Job.replicationsOf(spec));
        JobStore store = JobStore.in(outDir.resolve("jobs"));
        Batch batch = new Batch(threads, store, ConsoleProgress.of(spec.name(), err));
        List<ReplicationResult> results = new ArrayList<>(batch.results(jobs));
        String reason = "";
        while (spec.run().precise()) {
            ObjectNode sofar = model.summaryBuilder().build(results, 0);
            List<Precision.Check> checks = Precision.checks(spec, sofar, results.size());
            if (Precision.settled(checks)) {
                reason = checks.stream().allMatch(Precision.Check::precise) ? "precision reached"
                        : "every SLO precise or its verdict clear";
                break;
            }
            if (results.size() >= spec.run().maxReplications()) {
                reason = "max_replications reached";
                break;
            }
            int from = results.size();
            int more = Math.min(spec.run().maxReplications() - from, Math.max(1, from / 2));
            out.printf("precision not reached after %d replications: running %d more%n", from, more);
            out.flush();
            // a replication past the file's count r strikes the failure modes replication r mod count does
            List<Job> extra = IntStream.range(from, from + more).mapToObj(r -> new Job(spec, r)).toList();
            jobs.addAll(extra);
            results.addAll(batch.results(extra));
        }
        double wallS = (System.nanoTime() - start) / 1e9;
        try {
            store.retainOnly(jobs);
        } catch (IOException e) {
            throw new InvalidInputException("capsim: cannot tidy the stored jobs in " + outDir + ": " + e);
        }
        ObjectNode summary = model.summaryBuilder().build(results, wallS);
        if (spec.run().precise()) {
            ObjectNode stopping = ((ObjectNode) summary.get("run")).putObject("stopping");
            stopping.put("relative", spec.run().precisionRelative());
            stopping.put("max_replications", spec.run().maxReplications());
            stopping.put("replications", results.size());
            stopping.put("reason", reason);
        }
        return RunResults.of(spec, summary, results, copy);
    }

    /** Renders {@code result} with {@code formats} to {@code out} and the output folder; lists the files. */
    <R> void write(Formats<R> formats, R result, PrintWriter out) throws InvalidInputException {
        Destination to = new Destination(outDir, out);
        try {
            formats.write(result, to);
        } catch (IOException e) {
            throw new InvalidInputException("capsim: cannot write the results to " + outDir + ": " + e);
        }
        Written.list(to, out);
    }

    ModelSpec spec() {
        return model.spec();
    }
}
