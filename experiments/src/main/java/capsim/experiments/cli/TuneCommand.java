package capsim.experiments.cli;

import capsim.experiments.batch.Batch;
import capsim.experiments.batch.ConsoleProgress;
import capsim.experiments.batch.Job;
import capsim.experiments.batch.JobStore;
import capsim.experiments.report.Destination;
import capsim.experiments.report.SummaryJson;
import capsim.experiments.report.TuneFormats;
import capsim.experiments.summary.SloEvaluator;
import capsim.experiments.tune.Candidate;
import capsim.experiments.tune.TuneEvaluator;
import capsim.experiments.tune.Tuner;
import capsim.models.catalog.Catalog;
import capsim.models.load.ModelException;
import capsim.models.load.ModelOverride;
import capsim.models.spec.ExperimentSpec;
import capsim.models.spec.ModelSpec;
import capsim.models.spec.SloSpec;
import capsim.models.spec.TuneSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code capsim tune EXPERIMENT}: search the experiment's parameters for the best configuration meeting the targets. */
@Command(name = "tune", mixinStandardHelpOptions = true,
        description = "Search an experiment file's tune.parameters (CMA-ES, then a compass search; every candidate"
                + " with the same random numbers) for the configuration that minimises (or maximises) the objective"
                + " while meeting subject_to (default: the model's own slo[]), within tune.evaluations simulated"
                + " configurations. Prints the best and its verdicts; writes DIR/tune.csv (the whole trace),"
                + " DIR/tune.json and DIR/best.yaml (the base model with the best values, runnable). Every"
                + " finished job is kept in DIR/jobs/: run again after an interruption, the search resumes.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:it ran (whether or not a configuration meets every target)", "2:invalid input"})
final class TuneCommand implements Callable<Integer> {
    static final String BEST_FILE = "best.yaml";

    @Spec
    private CommandSpec command;

    @Parameters(index = "0", paramLabel = "EXPERIMENT", description = "The experiment file (YAML) with a tune: section.")
    private Path file;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Output folder (default: results/NAME/, NAME the experiment file's name without extension).")
    private Optional<Path> out;

    @Option(names = "--threads", paramLabel = "N", description = "Jobs run side by side (default: available processors).")
    private Optional<Integer> threads;

    @Override
    public Integer call() throws InvalidInputException {
        int threadCount = Threads.of(command, threads);
        ExperimentSpec experiment = SweepCommand.load(file);
        Path dir = out.orElse(Path.of("results", Points.name(file)));
        JobStore store = JobStore.in(dir.resolve("jobs"));
        Batch batch = new Batch(threadCount, store, ConsoleProgress.of("tune", command.commandLine().getErr()));
        PrintWriter terminal = command.commandLine().getOut();
        Tuned tuned = tune(file, experiment, batch, threadCount, dir, terminal);
        try {
            store.retainOnly(tuned.jobs());
        } catch (IOException e) {
            throw new InvalidInputException("capsim: cannot tidy the stored jobs in " + dir + ": " + e);
        }
        Written.list(tuned.to(), terminal);
        return ExitCode.OK;
    }

    /** What a tuning wrote, and every job it ran or read back. */
    record Tuned(Destination to, List<Job> jobs) {
    }

    /**
     * Checks the experiment, searches it with {@code batch} (every evaluation's jobs kept in its
     * store, so that a tuning run again replays the stored ones: the search is deterministic for a
     * seed, and meets the same candidates) and writes the trace, the summary and the best model
     * into {@code dir}; the report goes to {@code terminal}.
     */
    static Tuned tune(Path file, ExperimentSpec experiment, Batch batch, int threadCount, Path dir,
                      PrintWriter terminal) throws InvalidInputException {
        TuneSpec tune = experiment.tune().orElseThrow(() -> new InvalidInputException("capsim: " + file
                + ": has no tune (a sweep: experiment runs with 'capsim sweep')"));
        List<Tuner.Dimension> dimensions = tune.parameters().stream()
                .map(p -> new Tuner.Dimension(p.path(), p.min(), p.max(), p.integer())).toList();
        List<String> paths = dimensions.stream().map(Tuner.Dimension::path).toList();
        ModelArgument.Loaded base = ModelArgument.load(experiment.base(), experiment.fixed());
        TuneEvaluator evaluator = new TuneEvaluator(experiment.base(), experiment.fixed(), dimensions,
                tune.objective(), tune.minimize(), tune.subjectTo(), batch, base.catalog());
        ModelSpec corner = check(file, evaluator, dimensions, tune);
        List<SloSpec> constraints = evaluator.constraints(corner);
        terminal.printf("tune %s: %d parameters, at most %d configurations x %d replications on %d threads%n", file,
                dimensions.size(), tune.evaluations(), corner.run().replications(), threadCount);
        terminal.flush();
        List<Candidate> trace = new Tuner(dimensions, tune.evaluations(), corner.run().seed()).search(params -> {
            try {
                return evaluator.evaluate(params);
            } catch (ModelException e) {
                throw new IllegalStateException("a configuration inside the checked bounds failed to load", e);
            }
        });
        Optional<Candidate> best = Tuner.best(trace).filter(Candidate::feasible);
        List<String> labels = constraints.stream().map(SloSpec::metric).toList();
        Destination to = new Destination(dir, terminal);
        try {
            to.text(TuneFormats.CSV_FILE, w -> w.write(
                    TuneFormats.csv(paths, tune.objective(), tune.minimize(), labels, trace)));
            to.text(TuneFormats.JSON_FILE, w -> w.write(SummaryJson.text(
                    TuneFormats.json(paths, tune.objective(), tune.minimize(), best, trace))));
            if (best.isPresent()) {
                String yaml = bestYaml(experiment.base(), evaluator.overrides(best.get().params()));
                to.text(BEST_FILE, w -> w.write(yaml));
            }
        } catch (IOException e) {
            throw new InvalidInputException("capsim: cannot write the results to " + dir + ": " + e);
        }
        terminal.println();
        int fixed = experiment.fixed().size();
        terminal.print(report(trace.size(), best.map(c -> evaluator.overrides(c.params())
                .subList(fixed, fixed + paths.size())), tune, constraints, best));
        return new Tuned(to, evaluator.jobs());
    }

    /** Loads the model at the lower and upper corners of the box; a bad path, value or objective is invalid input. */
    private static ModelSpec check(Path file, TuneEvaluator evaluator, List<Tuner.Dimension> dimensions,
                                   TuneSpec tune) throws InvalidInputException {
        ModelSpec lower = null;
        for (boolean low : new boolean[] {true, false}) {
            List<Double> corner = dimensions.stream().map(d -> low ? d.min() : d.max()).toList();
            try {
                ModelSpec spec = evaluator.model(corner);
                CheckedModel checked = CheckedModel.check(spec, Catalog.builtIn());
                Optional<String> problem = checked.summaryBuilder().metricProblem(tune.objective());
                for (SloSpec slo : evaluator.constraints(spec)) {
                    problem = problem.or(() -> checked.summaryBuilder().metricProblem(slo.metric()));
                }
                if (problem.isPresent()) {
                    throw new InvalidInputException("capsim: " + file + ": tune: " + problem.get());
                }
                lower = lower == null ? spec : lower;
            } catch (ModelException e) {
                throw InvalidInputException.of(file + " (tune: parameters at their " + (low ? "min" : "max") + ")",
                        e.errors(), "experiment");
            }
        }
        return lower;
    }

    /** The best configuration, its objective and the value of each constraint against its target. */
    private static String report(int evaluations, Optional<List<ModelOverride>> values, TuneSpec tune,
                                 List<SloSpec> constraints, Optional<Candidate> best) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%d configurations evaluated%n", evaluations));
        if (best.isEmpty()) {
            return b.append("best: none (no configuration evaluated meets every target)\n").toString();
        }
        Candidate c = best.get();
        b.append("best:");
        values.orElseThrow().forEach(o -> b.append(' ').append(o.path()).append('=').append(o.value()));
        b.append(String.format(Locale.ROOT, "%n  %s = %.4g%n", tune.objective(),
                tune.minimize() ? c.objective() : -c.objective()));
        for (int i = 0; i < constraints.size(); i++) {
            SloSpec slo = constraints.get(i);
            double v = c.constraintValues().get(i);
            b.append(String.format(Locale.ROOT, "  %s = %.4g (%s %s) %s%n", slo.metric(), v, SloEvaluator.op(slo),
                    SloEvaluator.target(slo), SloEvaluator.holds(slo, v) ? "PASS" : "FAIL"));
        }
        return b.toString();
    }

    /**
     * The base model's YAML with {@code overrides} applied, addressed as {@code --set} addresses
     * them (a list item by its {@code name}, or by its index); comments of the base are not kept,
     * and a file the base names by a relative path is looked for next to the written file.
     */
    static String bestYaml(Path base, List<ModelOverride> overrides) throws IOException {
        YAMLMapper yaml = new YAMLMapper();
        JsonNode root = yaml.readTree(Files.readString(base));
        for (ModelOverride o : overrides) {
            String[] keys = o.path().split("\\.");
            JsonNode at = root;
            for (int i = 0; i < keys.length - 1; i++) {
                at = child(at, keys[i]);
            }
            JsonNode value = yaml.readTree(o.value());
            String last = keys[keys.length - 1];
            if (at instanceof ArrayNode list) {
                list.set(index(list, last), value);
            } else {
                ((ObjectNode) at).set(last, value);
            }
        }
        StringBuilder b = new StringBuilder("# " + base.getFileName() + " with");
        overrides.forEach(o -> b.append(' ').append(o.path()).append('=').append(o.value()));
        b.append('\n');
        return b + yaml.writeValueAsString(root);
    }

    private static JsonNode child(JsonNode node, String key) {
        if (node instanceof ArrayNode list) {
            return list.get(index(list, key));
        }
        ObjectNode map = (ObjectNode) node;
        return map.has(key) ? map.get(key) : map.putObject(key);
    }

    private static int index(ArrayNode list, String key) {
        for (int i = 0; i < list.size(); i++) {
            if (key.equals(list.get(i).path("name").asText(null))) {
                return i;
            }
        }
        return Integer.parseInt(key);
    }
}
