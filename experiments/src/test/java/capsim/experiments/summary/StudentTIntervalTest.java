package capsim.experiments.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StudentTIntervalTest {

    /*
     * {10, 12, 14}: mean 12, s = sqrt(((-2)^2 + 0 + 2^2) / 2) = 2, t(0.975, 2) = 4.302652730
     * (table value), half-width = 4.302652730 x 2 / sqrt(3) = 4.968275...
     */
    @Test
    void threeValuesGiveTheTableInterval() {
        StudentTInterval ci = StudentTInterval.ci95(new double[] {10, 12, 14});

        assertEquals(12 - 4.968275, ci.lo(), 1e-6);
        assertEquals(12 + 4.968275, ci.hi(), 1e-6);
    }

    /* Two values 0.99 and 1.089: mean 1.0395, s / sqrt(2) = 0.0495, t(0.975, 1) = 12.7062047. */
    @Test
    void twoValuesUseOneDegreeOfFreedom() {
        StudentTInterval ci = StudentTInterval.ci95(new double[] {0.99, 1.089});

        assertEquals(1.0395 - 12.7062047 * 0.0495, ci.lo(), 1e-6);
        assertEquals(1.0395 + 12.7062047 * 0.0495, ci.hi(), 1e-6);
    }

    @Test
    void oneValueOrNoSpreadIsThePoint() {
        assertEquals(new StudentTInterval(5, 5), StudentTInterval.ci95(new double[] {5}));
        assertEquals(new StudentTInterval(5, 5), StudentTInterval.ci95(new double[] {5, 5, 5}));
    }
}
