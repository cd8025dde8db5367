package capsim.engine.dist;

import capsim.engine.random.RandomStream;
import java.util.Arrays;

/**
 * Empirical distribution (resampling): each of the given samples is drawn with probability 1/n.
 * Mean and variance are the population moments of the samples, (1/n) sum x and
 * (1/n) sum (x - mean)^2 (two passes, so no cancellation).
 */
public final class Empirical implements Distribution {
    private final double[] samples;
    private final double mean;
    private final double variance;
    private final boolean integerValued;

    /** Resamples {@code samples} (non-empty, each finite and >= 0); the array is copied. */
    public Empirical(double[] samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("empirical samples must not be empty");
        }
        this.samples = samples.clone();
        double sum = 0;
        boolean whole = true;
        for (double x : this.samples) {
            Require.nonNegative("empirical samples", x);
            sum += x;
            whole &= x == Math.rint(x);
        }
        this.mean = sum / this.samples.length;
        double squares = 0;
        for (double x : this.samples) {
            squares += (x - mean) * (x - mean);
        }
        this.variance = squares / this.samples.length;
        this.integerValued = whole;
    }

    /** A copy of the samples. */
    public double[] samples() {
        return samples.clone();
    }

    @Override
    public double sample(RandomStream rng) {
        return samples[rng.nextInt(samples.length)];
    }

    @Override
    public double mean() {
        return mean;
    }

    @Override
    public double variance() {
        return variance;
    }

    @Override
    public boolean integerValued() {
        return integerValued;
    }

    @Override
    public Distribution scaled(double factor) {
        Require.factor(factor);
        double[] scaled = samples.clone();
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] *= factor;
        }
        return new Empirical(scaled);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Empirical other && Arrays.equals(samples, other.samples);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(samples);
    }

    @Override
    public String toString() {
        return "Empirical[n=" + samples.length + ", mean=" + mean + "]";
    }
}
