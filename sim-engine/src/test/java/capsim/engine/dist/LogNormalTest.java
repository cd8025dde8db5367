package capsim.engine.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogNormalTest {
    @Test
    void parametersForMean8Cv15() {
        // sigma^2 = ln(1 + 1.5^2) = ln 3.25 = 1.1786549963; sigma = 1.0856587845
        // mu = ln 8 - sigma^2 / 2 = 2.0794415417 - 0.5893274982 = 1.4901140435
        // variance = (1.5 * 8)^2 = 144
        LogNormal d = LogNormal.ofMeanCv(8, 1.5);
        assertEquals(1.0856587845, d.sigma(), 1e-10);
        assertEquals(1.4901140435, d.mu(), 1e-10);
        assertEquals(8, d.mean());
        assertEquals(144, d.variance(), 1e-12);
        // and back: exp(mu + sigma^2 / 2) is the mean
        assertEquals(8, Math.exp(d.mu() + d.sigma() * d.sigma() / 2), 1e-12);
    }

    @Test
    void sampleMomentsMatch() {
        for (double cv : new double[] {0.5, 1.5}) {
            LogNormal d = LogNormal.ofMeanCv(8, cv);
            // lognormal fourth central moment: var^2 (w^4 + 2 w^3 + 3 w^2 - 3), w = 1 + cv^2
            double w = 1 + cv * cv;
            double mu4 = d.variance() * d.variance() * (w * w * w * w + 2 * w * w * w + 3 * w * w - 3);
            MomentCheck.assertMoments(d, mu4, 13);
        }
    }

    @Test
    void rejectsBadParameters() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LogNormal.ofMeanCv(8, 0));
        assertTrue(e.getMessage().contains("lognormal cv"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> LogNormal.ofMeanCv(-8, 1));
        assertTrue(e.getMessage().contains("lognormal mean"), e.getMessage());
    }
}
