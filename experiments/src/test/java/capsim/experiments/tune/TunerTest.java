package capsim.experiments.tune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import capsim.experiments.batch.Batch;
import capsim.experiments.batch.BatchProgress;
import capsim.experiments.batch.JobStore;
import capsim.models.catalog.Catalog;
import capsim.models.load.ModelException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TunerTest {
    /*
     * M/M/c: 400 requests/s, exponential service of mean 10 ms (mu = 100/s) on one node with c
     * workers sharing its FCFS queue, p99 of the end-to-end time (plus the 0.5 ms hop) at most
     * 55 ms. The tier's utilisation is lambda / (c mu) = 4 / c, so maximising it under the p99
     * target is asking for the fewest servers meeting it.
     */
    private static final String MMC = """
            name: mmc
            run: {duration_s: 100, warmup_s: 10, replications: 2, seed: 3}
            workload:
              classes:
                - name: req
                  rate_per_s: 400
                  steps:
                    - {tier: app, service_ms: {dist: exponential, mean: 10}}
            tiers:
              - {name: app, node: custom, vcpu: 16, memory_gb: 2, hourly_usd: 1, count: 1, workers: 12}
            slo:
              - {metric: classes.req.latency_ms.p99, max: 55}
            """;
    private static final double LAMBDA = 400;
    private static final double MU = 100;
    private static final double P99_MAX_MS = 55;
    private static final double HOP_MS = 0.5;

    @TempDir
    Path dir;

    /*
     * Erlang C gives p99 = 61.3 ms at c = 5 and 49.0 ms at c = 6 (the first c past the 4
     * erlangs offered that meets 55 ms); both are 11% from the target, far beyond the ~2% noise
     * of a p99 from 80,000 requests. 12 possible counts, 8 simulations allowed.
     */
    @Test
    void findsTheFewestMmcServersMeetingTheP99FromErlangC() throws IOException {
        int optimum = 1;
        while (!(optimum * MU > LAMBDA) || p99Ms(optimum) > P99_MAX_MS) {
            optimum++;
        }
        assertEquals(6, optimum, "Erlang C");
        assertTrue(p99Ms(optimum - 1) > P99_MAX_MS * 1.1 && p99Ms(optimum) < P99_MAX_MS / 1.1);
        Path model = Files.writeString(dir.resolve("mmc.yaml"), MMC);
        List<Tuner.Dimension> count = List.of(new Tuner.Dimension("tiers.app.workers", 1, 12, true));
        TuneEvaluator evaluator = new TuneEvaluator(model, List.of(), count, "tiers.app.utilization", false, List.of(),
                new Batch(2, JobStore.none(), BatchProgress.none()), Catalog.builtIn());

        List<Candidate> trace = new Tuner(count, 8, 1).search(params -> {
            try {
                return evaluator.evaluate(params);
            } catch (ModelException e) {
                throw new IllegalStateException(e);
            }
        });

        Candidate best = Tuner.best(trace).orElseThrow();
        assertTrue(best.feasible());
        assertEquals(optimum, best.params().get(0), 0, trace.toString());
        assertEquals(-LAMBDA / MU / optimum, best.objective(), 0.02); // utilisation 4 / c, negated: maximised
        assertTrue(trace.size() <= 8, "budget: " + trace.size());
    }

    /** The p99 of the M/M/c sojourn time, in ms: bisection on its tail (see {@link #tail}). */
    private static double p99Ms(int c) {
        double lo = 0;
        double hi = 10;
        for (int i = 0; i < 200; i++) {
            double mid = (lo + hi) / 2;
            if (tail(c, mid) > 0.01) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo * 1000 + HOP_MS;
    }

    /*
     * P(T > t) for T = Wq + S: with probability 1 - C(c, a) no wait, T = S ~ Exp(mu); else
     * Wq ~ Exp(r), r = c mu - lambda, and P(Wq + S > t) = (r e^(-mu t) - mu e^(-r t)) / (r - mu).
     */
    private static double tail(int c, double t) {
        double r = c * MU - LAMBDA;
        double wait = erlangC(c, LAMBDA / MU);
        double sum = r == MU ? (1 + MU * t) * Math.exp(-MU * t)
                : (r * Math.exp(-MU * t) - MU * Math.exp(-r * t)) / (r - MU);
        return (1 - wait) * Math.exp(-MU * t) + wait * sum;
    }

    /** Erlang C: the probability of waiting in M/M/c with offered load a erlangs (a < c). */
    private static double erlangC(int c, double a) {
        double term = 1;
        double sum = 0;
        for (int k = 0; k < c; k++) {
            sum += term;
            term *= a / (k + 1);
        }
        double last = term * c / (c - a);
        return last / (sum + last);
    }
}
