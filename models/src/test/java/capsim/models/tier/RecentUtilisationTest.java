package capsim.models.tier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The exponentially weighted utilisation and the demand factor it sets, by hand. */
class RecentUtilisationTest {
    @Test
    void busyTimeFadesWithItsAgeOverTheHorizon() {
        RecentUtilisation u = new RecentUtilisation(2, 1, 2);
        assertEquals(2, u.demandFactor(0), 0, "an idle node: the idle factor");
        u.busy(0, 0.5);
        u.busy(0.5, 1.0);
        // at t = 1: 0.5 e^-1 + 1.0 e^-0.5 = 0.18394 + 0.60653 = 0.79047 server-s, over horizon 1 x 2 servers
        assertEquals(0.395235, u.utilisation(1), 1e-6);
        assertEquals(2 - 0.395235, u.demandFactor(1), 1e-6);
        // a steady report of U x servers server-seconds a second settles at U: 1.5 a second here, U = 0.75
        for (int i = 1; i <= 40_000; i++) {
            u.busy(1 + i * 0.001, 0.0015);
        }
        assertEquals(0.75, u.utilisation(41), 0.001);
        // at most 1, so the factor never falls below 1
        u.busy(41, 100);
        assertEquals(1, u.demandFactor(41), 0);
    }
}
