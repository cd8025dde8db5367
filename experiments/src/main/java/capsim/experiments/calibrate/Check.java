package capsim.experiments.calibrate;

import capsim.engine.stats.LatencyRecorder;
import capsim.experiments.batch.Batch;
import capsim.experiments.batch.BatchProgress;
import capsim.experiments.batch.Job;
import capsim.experiments.batch.JobStore;
import capsim.models.system.ReplicationResult;
import capsim.models.spec.ModelSpec;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * One measured run against the model's prediction at the run's rate: measured mean, p90 and p99
 * of the log after its start-up ({@link TxLog#afterStartUp}); predicted ones pooled over the replications (each as long as the run), with the
 * P10-P90 spread of the replications' own p99 (what one run of that length may show).
 */
public record Check(String log, double ratePerS, Figures measured, Figures predicted, double[] p99SpreadMs) {
    /** Mean, p90, p99 in ms. */
    public record Figures(double mean, double p90, double p99) {
        /** Relative error of this prediction against {@code measured}. */
        Figures errorAgainst(Figures measured) {
            return new Figures(rel(mean, measured.mean), rel(p90, measured.p90), rel(p99, measured.p99));
        }

        private static double rel(double predicted, double measured) {
            return (predicted - measured) / measured;
        }
    }

    /** Relative errors (predicted - measured) / measured. */
    public Figures error() {
        return predicted.errorAgainst(measured);
    }

    /** True when the measured p99 lies within the P10-P90 of the replications' p99. */
    public boolean p99WithinSpread() {
        return measured.p99 >= p99SpreadMs[0] && measured.p99 <= p99SpreadMs[1];
    }

    /** Mean, p90 and p99 (nearest rank) of {@code log} after its start-up ({@link TxLog#afterStartUp}). */
    static Figures measured(TxLog log) {
        double[] sorted = log.afterStartUp().sortedLatencyMs();
        double mean = Arrays.stream(sorted).average().orElseThrow();
        return new Figures(mean, StallFit.quantile(sorted, 0.90), StallFit.quantile(sorted, 0.99));
    }

    /**
     * Checks {@code log} against the model that {@code modelAt} builds for a rate and a run
     * length (seconds), on {@code threads} threads.
     */
    public static Check of(TxLog log, DoubleFunction<DoubleFunction<ModelSpec>> modelAt, int threads) {
        Figures measured = measured(log);
        ModelSpec spec = modelAt.apply(log.ratePerS()).apply(Math.max(10, Math.round(log.spanS())));
        List<ReplicationResult> results = new Batch(threads, JobStore.none(), BatchProgress.none())
                .results(Job.replicationsOf(spec));
        LatencyRecorder pooled = new LatencyRecorder();
        double[] p99s = new double[results.size()];
        for (int i = 0; i < results.size(); i++) {
            LatencyRecorder l = results.get(i).classes().get(Calibration.CLASS).latency();
            pooled.add(l);
            p99s[i] = l.percentileMs(99);
        }
        Arrays.sort(p99s);
        Figures predicted = new Figures(pooled.meanMs(), pooled.percentileMs(90), pooled.percentileMs(99));
        return new Check(log.file(), log.ratePerS(), measured, predicted,
                new double[] {StallFit.quantile(p99s, 0.1), StallFit.quantile(p99s, 0.9)});
    }
}
