package capsim.engine.random;

/**
 * One independent stream of pseudo-random numbers: xoshiro256+ (Blackman and Vigna,
 * "Scrambled linear pseudorandom number generators", 2021), seeded through SplitMix64.
 * Its output is defined by this code alone, so a seed gives the same numbers on every JDK.
 * Not thread-safe: a stream belongs to one simulation.
 */
public final class RandomStream {
    private long s0;
    private long s1;
    private long s2;
    private long s3;
    private boolean hasSpare;
    private double spare;

    /** A stream whose state is expanded from {@code seed} with SplitMix64. */
    public RandomStream(long seed) {
        long x = seed;
        s0 = splitMix(x += 0x9E3779B97F4A7C15L);
        s1 = splitMix(x += 0x9E3779B97F4A7C15L);
        s2 = splitMix(x += 0x9E3779B97F4A7C15L);
        s3 = splitMix(x += 0x9E3779B97F4A7C15L);
    }

    /** SplitMix64's output function (Steele, Lea and Flood, 2014): a strong 64-bit mixer. */
    static long splitMix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Next 64 random bits. */
    public long nextLong() {
        long result = s0 + s3;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    /** Uniform on [0, 1), 53 bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform on (0, 1]: safe to take the logarithm of. */
    public double nextOpenDouble() {
        return ((nextLong() >>> 11) + 1) * 0x1.0p-53;
    }

    /** Uniform integer in [0, bound), bound > 0 (Lemire's multiply-shift, bias below 2^-32 for bounds under 2^31). */
    public int nextInt(int bound) {
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }

    /** Exponential with the given mean. */
    public double nextExponential(double mean) {
        return -mean * Math.log(nextOpenDouble());
    }

    /** Standard normal (Marsaglia polar method; each pair of draws gives two values, the second kept for the next call). */
    public double nextGaussian() {
        if (hasSpare) {
            hasSpare = false;
            return spare;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * nextDouble() - 1;
            v = 2 * nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double m = Math.sqrt(-2 * Math.log(s) / s);
        spare = v * m;
        hasSpare = true;
        return u * m;
    }
}
