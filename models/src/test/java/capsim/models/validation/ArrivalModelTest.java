package capsim.models.validation;

import capsim.engine.validation.Replications;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import capsim.models.spec.ModelSpec;
import capsim.models.system.Accounting;
import capsim.models.system.ModelRunner;
import capsim.models.system.OfferedLoad;
import capsim.models.system.ReplicationResult;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Arrival processes written in a model file, counted in the per-window figures of a run:
 * rate profiles (peak, hourly), the two-state MMPP and a trace CSV. Requests take one visit
 * of 1 ms on a tier with many workers and no network hop, so a request is counted in the
 * window of its arrival. A Poisson count of mean m has SE sqrt(m); tolerances are 5 SE.
 */
class ArrivalModelTest {
    /** A one-step class arriving as {@code arrival} (a rate, arrival and profile block) for {@code durationS}. */
    private static String model(int durationS, int replications, String arrival, String profile) {
        return """
                name: arrivals
                run: {duration_s: %d, warmup_s: 0, replications: %d, seed: 19}
                workload:
                %s
                  classes:
                    - name: api
                %s
                      steps: [{tier: app, service_ms: {dist: deterministic, mean: 1}}]
                tiers:
                  - {name: app, node: m5.4xlarge, count: 1, workers: 64}
                network: {hop_ms: 0}
                """.formatted(durationS, replications, profile, arrival);
    }

    /** Requests counted in the windows starting in [fromS, toS). */
    private static long count(ReplicationResult r, double fromS, double toS) {
        return r.windows().stream().filter(w -> w.startS() >= fromS && w.startS() < toS)
                .mapToLong(w -> w.classes().get("api").count()).sum();
    }

    private static void assertPoisson(double expected, long count, String what) {
        assertEquals(expected, count, 5 * Math.sqrt(expected), what);
    }

    /*
     * rate 20/s, peak factor 2 from 00:30 to 01:00, 1.5 hours from midnight: 20/s for the first
     * and last 1,800 s (36,000 each), 40/s in between (72,000).
     */
    @Test
    void peakProfileDoublesTheRateInItsWindow() {
        ReplicationResult r = Accounting.checked(new ModelRunner(ModelRuns.parse(model(5_400, 1, "      rate_per_s: 20",
                "  profile: {kind: peak, from: \"00:30\", to: 1, factor: 2}"))).run(0));

        assertPoisson(36_000, count(r, 0, 1_800), "before the peak");
        assertPoisson(72_000, count(r, 1_800, 3_600), "in the peak");
        assertPoisson(36_000, count(r, 3_600, 5_400), "after the peak");
    }

    /*
     * rate 10/s, hourly multipliers, simulated time 0 at 22:00, 3 hours: hours 22, 23 and 0 with
     * multipliers 0.5, 2 and 1: 18,000, 72,000 and 36,000 requests. Hour 5's multiplier 3 (never
     * reached) only raises the thinning bound.
     */
    @Test
    void hourlyMultipliersFollowTheClockAcrossMidnight() {
        String multipliers = "[1, 1, 1, 1, 1, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0.5, 2]";
        ReplicationResult r = Accounting.checked(new ModelRunner(ModelRuns.parse(model(10_800, 1, "      rate_per_s: 10",
                "  profile: {kind: hourly, start_h: 22, multipliers: " + multipliers + "}"))).run(0));

        assertPoisson(18_000, count(r, 0, 3_600), "22:00-23:00");
        assertPoisson(72_000, count(r, 3_600, 7_200), "23:00-00:00");
        assertPoisson(36_000, count(r, 7_200, 10_800), "00:00-01:00");
    }

    /*
     * MMPP at 10/s long-run, high_factor 5, high_share 0.2, mean_high_s 1: calm rate
     * 10 / (0.8 + 0.2 x 5) = 5.556/s, burst rate 27.78/s, leaving the burst at r1 = 1/s and the
     * calm at r2 = 0.2 / (1 x 0.8) = 0.25/s. Counts over t = 60 s windows have index of
     * dispersion 1 + 2 (l1 - l2)^2 r1 r2 / ((r1 + r2)^3 mean) (1 - (1 - e^{-r t}) / (r t))
     * = 1 + 12.64 x 0.9867 = 13.47 (a Poisson stream: 1).
     */
    @Test
    void mmppKeepsTheMeanRateAndIsOverdispersed() {
        List<ReplicationResult> results = ModelRuns.runAll(ModelRuns.parse(model(7_200, 20,
                "      rate_per_s: 10\n      arrival: {kind: mmpp, high_factor: 5, high_share: 0.2, mean_high_s: 1}",
                "")));
        double calm = 10 / (0.8 + 0.2 * 5);
        double expectedDispersion = ClosedForms.mmpp2Dispersion(5 * calm, calm, 1, 0.25, 60);
        assertEquals(13.47, expectedDispersion, 0.01, "the closed form itself (hand check above)");

        Replications rate = new Replications(results.size(), ModelRuns.Z);
        Replications dispersion = new Replications(results.size(), ModelRuns.Z);
        for (ReplicationResult r : results) {
            rate.add(r.classes().get("api").arrived() / r.measuredS());
            double[] counts = r.windows().stream().mapToDouble(w -> w.classes().get("api").count()).toArray();
            dispersion.add(varianceOverMean(counts));
        }
        // 20 x 72,000 arrivals: the rate's SE sqrt(13.5 x 10 / 7,200) / sqrt(20) = 0.03/s (0.3%);
        // a dispersion from 120 windows has relative SE sqrt(2 / 119) = 13%, 2.9% over 20
        rate.assertMatches("MMPP long-run rate, per s", 10, 0, 0.01);
        dispersion.assertMatches("MMPP index of dispersion over 60 s", expectedDispersion, 0, 0.05);
        assertTrue(dispersion.mean() > 1 + ModelRuns.Z * dispersion.standardError(), "over-dispersed");
    }

    /*
     * trace.csv: 10/s from 0, 40/s from 600 s, 0 from 1,200 s, 20/s from 1,500 s: 6,000,
     * 24,000, 0 and 6,000 requests in its four pieces over 1,800 s.
     */
    @Test
    void traceRateIsFollowed() throws URISyntaxException {
        Path folder = Path.of(ArrivalModelTest.class.getResource("trace.csv").toURI()).getParent();
        ModelSpec spec = ModelRuns.parse(model(1_800, 1,
                "      rate_per_s: 1   # marks the class open; the trace replaces it\n"
                        + "      arrival: {kind: trace, file: trace.csv}", ""), folder);
        ReplicationResult r = Accounting.checked(new ModelRunner(spec).run(0));

        assertPoisson(6_000, count(r, 0, 600), "10/s");
        assertPoisson(24_000, count(r, 600, 1_200), "40/s");
        assertEquals(0, count(r, 1_200, 1_500), "rate 0");
        assertPoisson(6_000, count(r, 1_500, 1_800), "20/s");
        // the offered load reads the same file (a comment, then a header) for its peak rate
        assertEquals(40, OfferedLoad.classRates(spec).get(0).ratePerS());
    }

    /** Sample variance / sample mean. */
    private static double varianceOverMean(double[] x) {
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= x.length;
        double ss = 0;
        for (double v : x) {
            ss += (v - mean) * (v - mean);
        }
        return ss / (x.length - 1) / mean;
    }
}
