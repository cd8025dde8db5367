package capsim.models.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import capsim.models.system.Accounting;
import capsim.models.system.ModelRunner;
import capsim.models.system.ReplicationResult;
import capsim.models.system.ReplicationResult.ClassResult;
import capsim.models.system.ReplicationResult.TierResult;
import capsim.models.tier.Tier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A model offered three times what it can serve, without a queue limit: the run ends, the
 * tier reports itself saturated, the overload guard ({@link Tier#SAFETY_QUEUE_CAP} waiting
 * requests per node) refuses the excess and counts it, and the queue, hence memory, stays
 * bounded.
 */
class OverloadModelTest {
    /*
     * 3,000/s on one server of 1 ms: offered utilisation 3. The queue grows at 2,000/s until it
     * holds 50,000 (at 25 s); from then on 2,000/s are refused: 75 s x 2,000 = 150,000 of the
     * 300,000 arrivals, half of them. The server is busy from the start to the run's stop
     * (100 s + 10 s drain), so it completes 110,000 requests (fewer than one per ms is
     * impossible to beat), and no request waits more than 50,000 services: 50 s. The other
     * 300,000 - 150,000 - 110,000 = 40,000 are still queued at the stop, unfinished: the error
     * ratio (refused + unfinished) / arrived is 190,000 / 300,000 = 0.633.
     */
    private static String model(String discipline, String steps) {
        return """
                name: overload
                run: {duration_s: 100, warmup_s: 0, replications: 1, seed: 31}
                workload:
                  classes:
                    - name: api
                      rate_per_s: 3000
                      steps:
                        - {tier: app, service_ms: {dist: deterministic, mean: 1}}
                %s
                tiers:
                  - {name: app, node: t3.large, count: 1, workers: 1, discipline: %s}
                  - {name: next, node: m5.4xlarge, count: 1, workers: 64}
                network: {hop_ms: 0.5}
                """.formatted(steps, discipline);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fcfs", "ps"})
    void offeredUtilisationThreeRunsBoundedAndIsReportedSaturated(String discipline) {
        ReplicationResult r = Accounting.checked(new ModelRunner(ModelRuns.parse(model(discipline, ""))).run(0));
        ClassResult api = r.classes().get("api");
        TierResult app = r.tiers().get("app");

        assertTrue(app.saturated());
        // 300,000 Poisson arrivals: the offered utilisation has SE 3 / sqrt(300,000) = 0.0055; 5 SE
        assertEquals(3.0, app.offeredUtilization(), 5 * 0.0055);
        assertEquals(1.0, app.utilization(), 1e-3);
        assertTrue(app.rejected() > 0 && api.rejected() > 0, "the overload guard refused requests");
        assertEquals(api.rejected(), app.rejected(), 2, "the class counts the tier's refusals");
        // one server cannot complete more than one request (or visit) per ms of the run
        assertTrue(api.completed() <= 110_000, api.completed() + " completed");
        assertTrue(app.latency().count() <= 110_000, app.latency().count() + " visits finished");
        // bounded queue: at most 50,001 present, so a request is served at least at 1/50,001 of
        // the server (PS), or waits for at most 50,000 others of 1 ms (FCFS): 50 s at most
        assertTrue(app.latency().maxMs() <= 1.001 * (Tier.SAFETY_QUEUE_CAP + 1), "max visit " + app.latency().maxMs());
        if (discipline.equals("fcfs")) {
            // the fluid computation above; the Poisson noise on 300,000 arrivals is 0.2%, the
            // queue's fill time the same: 2% is a wide margin. (Processor sharing refuses more:
            // its full queue holds partly served work, some 25 s of it, that is never finished.)
            assertEquals(0.5, (double) api.rejected() / api.arrived(), 0.01);
            assertEquals(40_000, api.unfinished(), 0.02 * 40_000);
            assertEquals(0.633, api.errorRatio(), 0.01);
            assertTrue(api.completed() >= 109_000, api.completed() + " completed");
        }
    }

    /*
     * The same with a second step after the saturated tier: each request costs at most two
     * events (its arrival, which is its first visit, and its hop to the next tier), so the event
     * count stays within twice the arrivals of the run and its drain (3,000/s x 110 s).
     */
    @Test
    void aSecondStepAddsAtMostOneEventPerRequest() {
        ReplicationResult r = Accounting.checked(new ModelRunner(ModelRuns.parse(model("fcfs",
                "        - {tier: next, service_ms: {dist: deterministic, mean: 1}}"))).run(0));
        ClassResult api = r.classes().get("api");

        assertTrue(r.tiers().get("app").saturated());
        assertTrue(api.completed() <= 110_000, api.completed() + " completed");
        assertTrue(r.events() <= 2 * 3_000 * 110 * 1.01, r.events() + " events");
    }
}
