package capsim.experiments.sweep;

import capsim.engine.stats.ConfidenceInterval;
import capsim.experiments.batch.Batch;
import capsim.experiments.batch.Job;
import capsim.experiments.batch.JobResult;
import capsim.experiments.summary.ReplicationSamples;
import capsim.experiments.sweep.SweepResult.Best;
import capsim.experiments.sweep.SweepResult.SloRow;
import capsim.models.spec.ExperimentSpec.Choice;
import capsim.models.system.ReplicationResult;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Runs every (point, replication) of a sweep as one batch, so that all of them share the
 * threads, then summarises each point. The points share the seed and the stream names of the
 * base model, so a difference between two points is one of design, not of random numbers
 * (common random numbers). A point's {@code engine.wall_s} is the sum of its jobs' times
 * (whatever threads they ran on).
 */
public final class Sweep {
    private Sweep() {
    }

    /** Runs {@code points} with {@code batch}; {@code parameters} name the table's columns. */
    public static SweepResult run(List<String> parameters, List<SweepPoint> points, Batch batch,
                                  Optional<Choice> choose) {
        List<Job> jobs = new ArrayList<>();
        points.forEach(p -> jobs.addAll(Job.replicationsOf(p.model())));
        List<JobResult> results = batch.run(jobs);
        List<String> sloMetrics = new ArrayList<>();
        points.forEach(p -> p.model().slo().forEach(s -> {
            if (!sloMetrics.contains(s.metric())) {
                sloMetrics.add(s.metric());
            }
        }));
        List<SweepResult.Point> done = new ArrayList<>();
        int from = 0;
        for (SweepPoint p : points) {
            int n = p.model().run().replications();
            done.add(summarise(p, results.subList(from, from + n)));
            from += n;
        }
        Optional<Best> best = choose.flatMap(c -> best(done, parameters, c));
        return new SweepResult(List.copyOf(parameters), List.copyOf(sloMetrics), List.copyOf(done),
                choose.map(Choice::metric), best);
    }

    private static SweepResult.Point summarise(SweepPoint p, List<JobResult> results) {
        List<ReplicationResult> replications = results.stream().map(JobResult::result).toList();
        double wallS = results.stream().mapToDouble(JobResult::wallS).sum();
        ObjectNode summary = p.summaries().build(replications, wallS);
        ReplicationSamples samples = ReplicationSamples.of(p.summaries(), replications);
        Map<String, SloRow> slo = new LinkedHashMap<>();
        boolean allPass = true;
        for (JsonNode verdict : summary.path("slo")) {
            String metric = verdict.get("metric").asText();
            boolean pass = verdict.get("pass").asBoolean();
            allPass &= pass;
            Optional<double[]> ci = samples.ci95(summary, metric).map(Sweep::bounds);
            slo.put(metric, new SloRow(verdict.get("value").asDouble(), ci, verdictOf(verdict)));
        }
        return new SweepResult.Point(p, summary, slo, allPass);
    }

    /** The summary's own verdict word when it gives one, else PASS or FAIL. */
    private static String verdictOf(JsonNode verdict) {
        JsonNode word = verdict.get("verdict");
        return word != null && word.isTextual() ? word.asText() : verdict.get("pass").asBoolean() ? "PASS" : "FAIL";
    }

    private static double[] bounds(ConfidenceInterval ci) {
        return new double[] {ci.lo(), ci.hi()};
    }

    /** The passing point with the least (or greatest) value of the choose metric; the first on a tie. */
    private static Optional<Best> best(List<SweepResult.Point> points, List<String> parameters, Choice choose) {
        SweepResult.Point best = null;
        double bestValue = Double.NaN;
        for (SweepResult.Point p : points) {
            OptionalDouble v = p.value(choose.metric());
            if (!p.allPass() || v.isEmpty()) {
                continue;
            }
            double value = v.getAsDouble();
            if (best == null || (choose.minimize() ? value < bestValue : value > bestValue)) {
                best = p;
                bestValue = value;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String path : parameters) {
            params.put(path, best.point().param(path));
        }
        return Optional.of(new Best(best.point().number(), params, bestValue));
    }
}
