package capsim.engine.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class QueueingFormulasTest {

    @Test
    void erlangBMatchesTheTextbookTable() {
        // Erlang B tables: 5 trunks, 4 Erlang -> 0.1991 (to 4 places)
        assertEquals(0.1991, QueueingFormulas.erlangB(5, 4), 5e-5);
        // by hand: B(5, 4) = (4^5 / 5!) / sum_{k=0..5} 4^k / k! = 8.5333 / 42.8667
        assertEquals((1024.0 / 120) / (1 + 4 + 8 + 64.0 / 6 + 256.0 / 24 + 1024.0 / 120),
                QueueingFormulas.erlangB(5, 4), 1e-15);
        // one server: a / (1 + a)
        assertEquals(0.75 / 1.75, QueueingFormulas.erlangB(1, 0.75), 1e-15);
    }

    @Test
    void erlangCMatchesHandComputedValues() {
        // c = 2, a = 1: B = 0.5 / 2.5 = 0.2, C = 2 * 0.2 / (2 - 0.8) = 1/3
        assertEquals(1.0 / 3, QueueingFormulas.erlangC(2, 1), 1e-15);
        // one server: the probability of waiting is rho
        assertEquals(0.8, QueueingFormulas.erlangC(1, 0.8), 1e-15);
    }

    @Test
    void mmcResponseQuantileReducesToMm1WithOneServer() {
        // c = 1: W + S is exponential with rate mu - lambda; p99 = ln(100) / 0.2
        assertEquals(Math.log(100) / 0.2, QueueingFormulas.mmcResponseQuantile(1, 0.8, 1, 0.99), 1e-9);
        assertEquals(QueueingFormulas.mm1ResponseQuantile(0.8, 1, 0.99),
                QueueingFormulas.mmcResponseQuantile(1, 0.8, 1, 0.99), 1e-9);
    }

    @Test
    void mmcResponseTailIsADistributionTailAndContinuousAtThetaEqualsMu() {
        assertEquals(1, QueueingFormulas.mmcResponseTail(4, 3.4, 1, 0), 1e-15);
        assertEquals(0, QueueingFormulas.mmcResponseTail(4, 3.4, 1, 200), 1e-15);
        // c = 2, lambda = 1, mu = 1: theta = 2 mu - lambda = mu, the special branch;
        // a hair away from it the general branch must give nearly the same tail
        double atEqual = QueueingFormulas.mmcResponseTail(2, 1, 1, 3);
        double nearby = QueueingFormulas.mmcResponseTail(2, 1 - 1e-7, 1, 3);
        assertEquals(atEqual, nearby, 1e-6);
        // and by hand at theta = mu: C = 1/3, tail = (2/3) e^-3 + (1/3)(1 + 3) e^-3 = 2 e^-3
        assertEquals(2 * Math.exp(-3), atEqual, 1e-15);
    }

    @Test
    void pollaczekKhinchineAgreesWithMm1AndMd1() {
        // exponential service, mean 1: E[S^2] = 2, W = rho / (mu - lambda) = 0.8 / 0.2 = 4
        assertEquals(4, QueueingFormulas.pollaczekKhinchineMeanWait(0.8, 1, 2), 1e-12);
        // deterministic service: E[S^2] = 1 / mu^2, W = rho / (2 mu (1 - rho)) = 2 at rho 0.8
        assertEquals(2, QueueingFormulas.md1MeanWait(0.8, 1), 1e-12);
        assertEquals(QueueingFormulas.md1MeanWait(0.8, 1), QueueingFormulas.pollaczekKhinchineMeanWait(0.8, 1, 1), 1e-12);
    }
}
