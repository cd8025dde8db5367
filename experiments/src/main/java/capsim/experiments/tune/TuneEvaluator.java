package capsim.experiments.tune;

import capsim.experiments.batch.Batch;
import capsim.experiments.batch.Job;
import capsim.experiments.summary.MetricPath;
import capsim.experiments.summary.SloEvaluator;
import capsim.experiments.summary.SummaryBuilder;
import capsim.models.catalog.Catalog;
import capsim.models.load.ModelException;
import capsim.models.load.ModelLoader;
import capsim.models.load.ModelOverride;
import capsim.models.spec.ModelSpec;
import capsim.models.spec.SloSpec;
import capsim.models.system.OfferedLoad;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates one configuration of a tuning: the base model with the run overrides and the
 * candidate's parameter values applied as overrides, run as batch jobs (every candidate with
 * the model's seed, so all of them see the same random numbers where they share a source), and
 * judged by the objective and the constraints ({@code subject_to}, or the model's own
 * {@code slo[]}).
 */
public final class TuneEvaluator {
    private final Path base;
    private final List<ModelOverride> fixed;
    private final List<Tuner.Dimension> dimensions;
    private final String objective;
    private final boolean minimize;
    private final List<SloSpec> subjectTo;
    private final Batch batch;
    private final Catalog catalog;
    private final List<Job> jobs = new ArrayList<>();

    /**
     * The evaluator; {@code fixed} are the overrides of every configuration (the experiment's
     * {@code run:} and {@code set:}), and an empty {@code subjectTo} means the model's own targets.
     */
    public TuneEvaluator(Path base, List<ModelOverride> fixed, List<Tuner.Dimension> dimensions,
                         String objective, boolean minimize, List<SloSpec> subjectTo, Batch batch, Catalog catalog) {
        this.base = base;
        this.fixed = List.copyOf(fixed);
        this.dimensions = List.copyOf(dimensions);
        this.objective = objective;
        this.minimize = minimize;
        this.subjectTo = List.copyOf(subjectTo);
        this.batch = batch;
        this.catalog = catalog;
    }

    /** The model of the configuration {@code params} (in parameter order). */
    public ModelSpec model(List<Double> params) throws ModelException {
        return new ModelLoader(catalog).load(base, overrides(params));
    }

    /** The overrides that make the base model into configuration {@code params}. */
    public List<ModelOverride> overrides(List<Double> params) {
        List<ModelOverride> all = new ArrayList<>(fixed);
        for (int d = 0; d < dimensions.size(); d++) {
            all.add(new ModelOverride(dimensions.get(d).path(), value(dimensions.get(d), params.get(d))));
        }
        return all;
    }

    /** The constraints the candidates are judged by. */
    public List<SloSpec> constraints(ModelSpec model) {
        return subjectTo.isEmpty() ? model.slo() : subjectTo;
    }

    /** Runs configuration {@code params} and judges it; the objective is negated when maximising. */
    public Candidate evaluate(List<Double> params) throws ModelException {
        ModelSpec model = model(params);
        SummaryBuilder builder = new SummaryBuilder(model, OfferedLoad.of(model, catalog), catalog);
        List<Job> own = Job.replicationsOf(model);
        jobs.addAll(own);
        ObjectNode summary = builder.build(batch.results(own), 0);
        double value = number(summary, objective);
        List<Double> values = new ArrayList<>();
        double violation = 0;
        for (SloSpec slo : constraints(model)) {
            double v = number(summary, slo.metric());
            values.add(v);
            if (!SloEvaluator.holds(slo, v)) {
                double target = SloEvaluator.target(slo);
                double miss = Math.abs(v - target) / Math.max(Math.abs(target), 1e-9);
                violation += Double.isFinite(miss) && miss > 0 ? miss : 1;
            }
        }
        return new Candidate(params, minimize ? value : -value, values, violation);
    }

    /** Every job of the configurations evaluated so far, in order. */
    public List<Job> jobs() {
        return List.copyOf(jobs);
    }

    /** A parameter value as the text of its override: whole numbers without a decimal point. */
    static String value(Tuner.Dimension dimension, double x) {
        return dimension.integer() || x == Math.rint(x) ? Long.toString(Math.round(x)) : Double.toString(x);
    }

    private static double number(ObjectNode summary, String metric) {
        return MetricPath.number(summary, metric).orElseThrow(() -> new IllegalArgumentException(
                "no number '" + metric + "' in the summary: " + MetricPath.problem(summary, metric).orElse("")));
    }
}
