package capsim.models.credits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import capsim.models.catalog.NodeType.BurstCredits;
import capsim.models.spec.CreditsSpec;
import org.junit.jupiter.api.Test;

/*
 * A t3.medium (FACTS.md: 2 vCPU, 24 credits/h, baseline 20%, max balance 576), one worker per
 * vCPU, at a constant 60% load: 1.2 vCPU busy = 1.2 x 60 = 72 credits/h spent, 24 earned, net
 * -48 credits/h. From 100 credits it runs out after 100 / 48 h = 7500 s.
 */
class CreditAccountTest {
    private static final BurstCredits T3_MEDIUM = new BurstCredits(24, 0.20, 576, 0.05);
    private static final double BUSY_SERVERS = 1.2;

    /** Advances {@code a} from {@code fromS} to {@code toS} in 5 s steps at 1.2 busy servers. */
    private static void run(CreditAccount a, double fromS, double toS) {
        for (double t = fromS + 5; t <= toS + 1e-9; t += 5) {
            a.advance(t, t, t * BUSY_SERVERS);
        }
    }

    private static CreditAccount account(CreditsSpec.Mode mode, double initial) {
        return new CreditAccount(T3_MEDIUM, 1, new CreditsSpec(mode, initial), 0, 0);
    }

    @Test
    void constantLoadAboveBaselineRunsOutAtTheHandComputedTime() {
        CreditAccount a = account(CreditsSpec.Mode.STANDARD, 100);
        run(a, 0, 3600);
        assertEquals(100 + 24 - 72, a.balance(), 1e-9); // after one hour: 52
        assertTrue(Double.isNaN(a.emptyAtS()));
        run(a, 3600, 8000);

        assertEquals(7500, a.emptyAtS(), 1e-6); // linear between checks, so exact
        assertEquals(0, a.balance(), 0); // standard mode: never below 0
        assertEquals(8000 / 3600.0 * 72, a.spentCredits(), 1e-9);
        assertEquals(8000 / 3600.0 * 24, a.earnedCredits(), 1e-9);
    }

    /* Unlimited: after 3 h, 100 + 3 x 24 - 3 x 72 = -44: 44 surplus credits, 44 / 60 x $0.05 = $0.036667. */
    @Test
    void unlimitedModeOwesTheSurplus() {
        CreditAccount a = account(CreditsSpec.Mode.UNLIMITED, 100);
        run(a, 0, 3 * 3600);

        assertEquals(-44, a.balance(), 1e-9);
        assertEquals(44, a.surplusCredits(), 1e-9);
        assertEquals(44 / 60.0 * 0.05, T3_MEDIUM.surplusUsd(a.surplusCredits()), 1e-12);
    }

    /* Idle from 570 credits: 24 earned in an hour, but the balance stops at 576. Earnings pay surplus back first. */
    @Test
    void balanceIsCappedAndEarningsRepayTheSurplus() {
        CreditAccount full = account(CreditsSpec.Mode.STANDARD, 570);
        full.advance(3600, 3600, 0);
        assertEquals(576, full.balance(), 1e-9);
        assertEquals(24, full.earnedCredits(), 1e-9);

        CreditAccount owing = account(CreditsSpec.Mode.UNLIMITED, 0);
        owing.advance(3600, 3600, 3600 * BUSY_SERVERS); // -48
        owing.advance(7200, 7200, 3600 * BUSY_SERVERS); // idle hour: +24
        assertEquals(-24, owing.balance(), 1e-9);
    }

    /* A node stopped at 1800 s of an idle hour earns 1800 / 3600 x 24 = 12 credits. */
    @Test
    void aStoppedNodeStopsEarning() {
        CreditAccount a = account(CreditsSpec.Mode.STANDARD, 0);
        a.advance(3600, 1800, 0);
        assertEquals(12, a.balance(), 1e-9);
    }

    /* Four workers on two vCPUs: a worker is half a vCPU, so 4 busy workers for a minute spend 2 credits. */
    @Test
    void workersShareTheVcpus() {
        CreditAccount a = new CreditAccount(T3_MEDIUM, 0.5, new CreditsSpec(CreditsSpec.Mode.UNLIMITED, 0), 0, 0);
        a.advance(60, 0, 4 * 60);
        assertEquals(2, a.spentCredits(), 1e-12);
    }
}
