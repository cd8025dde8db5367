package capsim.experiments.cli;

import capsim.experiments.replicate.Replications;
import capsim.experiments.report.SummaryJson;
import capsim.experiments.report.TerminalReport;
import capsim.experiments.report.TimeSeriesCsv;
import capsim.models.spec.ModelSpec;
import capsim.models.system.ModelRunner;
import capsim.models.system.ReplicationResult;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@code run} and {@code gate} share: check the model and options before anything runs,
 * run the replications, merge them into the summary, print it and write summary.json and
 * timeseries.csv.
 */
final class Experiment {
    private final CheckedModel model;
    private final Path outDir;
    private final int threads;

    private Experiment(CheckedModel model, Path outDir, int threads) {
        this.model = model;
        this.outDir = outDir;
        this.threads = threads;
    }

    /** Checks the options and the model; nothing is run or written yet. */
    static Experiment prepare(ModelArgument modelFile, RunOptions options) throws InvalidInputException {
        options.validate();
        ModelArgument.Loaded loaded = modelFile.load();
        ModelSpec spec = options.apply(loaded.spec());
        return new Experiment(CheckedModel.check(spec, loaded.catalog()), options.outDir(spec), options.threads());
    }

    /** Runs the replications, prints the summary table to {@code out}, writes the files; returns the summary. */
    ObjectNode run(PrintWriter out) throws InvalidInputException {
        ModelSpec spec = model.spec();
        int replications = spec.run().replications();
        out.printf("running %s: %d replications on %d threads%n", spec.name(), replications,
                Math.min(threads, replications));
        out.flush();
        long start = System.nanoTime();
        List<ReplicationResult> results = Replications.run(replications, threads, r -> new ModelRunner(spec).run(r));
        double wallS = (System.nanoTime() - start) / 1e9;
        ObjectNode summary = model.summaryBuilder().build(results, wallS);
        out.println();
        out.print(TerminalReport.render(spec, summary));
        Path summaryFile = outDir.resolve("summary.json");
        Path timeSeriesFile = outDir.resolve("timeseries.csv");
        try {
            SummaryJson.write(summaryFile, summary);
            TimeSeriesCsv.write(timeSeriesFile, spec, results);
        } catch (IOException e) {
            throw new InvalidInputException("capsim: cannot write the results to " + outDir + ": " + e);
        }
        out.println();
        out.println("wrote " + summaryFile + " and " + timeSeriesFile);
        return summary;
    }

    ModelSpec spec() {
        return model.spec();
    }

    /** The folder the results are written to. */
    Path outDir() {
        return outDir;
    }
}
