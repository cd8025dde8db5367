package capsim.engine.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;

import capsim.engine.random.RandomStream;

/**
 * Draws {@link #N} samples from a fixed-seed stream and checks the sample mean and variance
 * against the exact ones. Tolerances are 5 standard errors, from the sample size: the sample
 * mean has standard error sqrt(var / n); the sample variance has sqrt((mu4 - var^2) / n), with
 * mu4 the fourth central moment, which each caller computes from a closed form.
 */
final class MomentCheck {
    static final int N = 200_000;
    private static final double STANDARD_ERRORS = 5;

    private MomentCheck() {
    }

    /** Asserts sample mean and variance; returns the samples for further checks. */
    static double[] assertMoments(Distribution d, double fourthCentralMoment, long seed) {
        double[] xs = draw(d, seed, N);
        double mean = 0;
        for (double x : xs) {
            mean += x;
        }
        mean /= N;
        double squares = 0;
        for (double x : xs) {
            squares += (x - mean) * (x - mean);
        }
        double variance = squares / (N - 1);
        double var = d.variance();
        // standard error of the sample mean: sqrt(var / n)
        assertEquals(d.mean(), mean, STANDARD_ERRORS * Math.sqrt(var / N), () -> d + " sample mean");
        // standard error of the sample variance: sqrt((mu4 - var^2) / n)
        double varianceTolerance = STANDARD_ERRORS * Math.sqrt((fourthCentralMoment - var * var) / N);
        assertEquals(var, variance, varianceTolerance, () -> d + " sample variance");
        return xs;
    }

    /** {@code n} samples of {@code d} from a stream seeded with {@code seed}. */
    static double[] draw(Distribution d, long seed, int n) {
        RandomStream rng = new RandomStream(seed);
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = d.sample(rng);
        }
        return xs;
    }

    /** The fourth central moment from the raw moments E[X], E[X^2], E[X^3], E[X^4]. */
    static double centralFourth(double m1, double m2, double m3, double m4) {
        return m4 - 4 * m1 * m3 + 6 * m1 * m1 * m2 - 3 * m1 * m1 * m1 * m1;
    }
}
