package capsim.models.failure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import capsim.models.load.ModelException;
import capsim.models.tier.Tier;
import org.junit.jupiter.api.Test;

/** Failures as they come: each node alternates Exp(MTBF) up and MTTR down. */
class FailureClockTest {
    private static final String MODEL = """
            name: clock
            workload:
              classes:
                - name: api
                  rate_per_s: 1
                  steps:
                    - tier: app
                      service_ms: {dist: deterministic, mean: 1}
            tiers:
              - name: app
                node: t3.medium
                count: 3
                failures: {mtbf_h: 1, mttr_s: 600, detect_s: 45}
            """;

    /*
     * The balancer counts a failed node until it is detected, so a node is out of the balancer
     * for mttr - detect = 555 s of each cycle of mean 3,600 + 600 s (alternating renewal):
     * nodes taking work on average 3 x (1 - 555 / 4,200) = 2.6036.
     * Over 2,000 h each node completes about n = 1,714 cycles. Its share out, p = 555 n / (sum of
     * cycle lengths), has sd about p cv / sqrt(n), cv = 3600 / 4200 the cycle length's coefficient
     * of variation: 0.132 x 0.857 / sqrt(1714) = 0.0027; the sum of three independent nodes:
     * sqrt(3) x 0.0027 = 0.0047. Tolerance 5 sd = 0.024.
     */
    @Test
    void nodesAreOutOfTheBalancerForTheirShareOfEachCycle() throws ModelException {
        double horizonS = 2000 * 3600.0;
        SmallSystem s = new SmallSystem(MODEL, 1e9, horizonS);
        Tier app = s.tier("app");
        s.outages.startAll();
        s.sim.runUntil(horizonS);

        assertEquals(3 * (1 - 555.0 / 4200), s.measured("app").nodesInService().average(horizonS), 0.024);
    }
}
