package capsim.experiments.cli;

import capsim.experiments.replicate.Replications;
import capsim.experiments.report.Destination;
import capsim.experiments.report.Formats;
import capsim.experiments.report.ModelCopy;
import capsim.experiments.report.RunResult;
import capsim.experiments.report.RunResults;
import capsim.models.spec.ModelSpec;
import capsim.models.system.ModelRunner;
import capsim.models.system.ReplicationResult;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code run} and {@code gate} share: check the model and options before anything runs,
 * run the replications, merge them into the summary, and hand the result to the picked writers.
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
            copy = new ModelCopy(modelFile.file().toString(), Files.readString(modelFile.file(),
                    StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InvalidInputException("capsim: " + modelFile.file() + ": cannot read: " + e.getMessage());
        }
        return new Experiment(CheckedModel.check(spec, loaded.catalog()), copy, options.outDir(spec),
                options.threads());
    }

    /** Runs the replications and merges them; progress goes to {@code out}. */
    RunResult simulate(PrintWriter out) {
        ModelSpec spec = model.spec();
        int replications = spec.run().replications();
        out.printf("running %s: %d replications on %d threads%n", spec.name(), replications,
                Math.min(threads, replications));
        out.flush();
        long start = System.nanoTime();
        List<ReplicationResult> results = Replications.run(replications, threads, r -> new ModelRunner(spec).run(r));
        double wallS = (System.nanoTime() - start) / 1e9;
        ObjectNode summary = model.summaryBuilder().build(results, wallS);
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
