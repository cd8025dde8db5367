package capsim.engine.random;

import java.nio.charset.StandardCharsets;

/**
 * The family of random streams of one replication. Each stochastic source (an arrival stream,
 * a tier's service times, a failure process) asks for its stream by name; the stream's seed is
 * a hash of (seed, replication, name). Two variants of a model that share a source name
 * therefore see the same numbers from it (common random numbers), and adding a source never
 * shifts the numbers of another.
 */
public final class RandomStreams {
    private final long seed;
    private final int replication;

    public RandomStreams(long seed, int replication) {
        if (replication < 0) {
            throw new IllegalArgumentException("replication must be >= 0, was " + replication);
        }
        this.seed = seed;
        this.replication = replication;
    }

    public long seed() {
        return seed;
    }

    public int replication() {
        return replication;
    }

    /** A new stream for {@code source}; the same name always gives the same numbers. */
    public RandomStream stream(String source) {
        return new RandomStream(seedFor(source));
    }

    /** The 64-bit seed of the stream named {@code source} in this replication. */
    public long seedFor(String source) {
        long h = RandomStream.splitMix(seed ^ 0x5DEECE66DL);
        h = RandomStream.splitMix(h + replication * 0x9E3779B97F4A7C15L + 1);
        return RandomStream.splitMix(h ^ fnv1a64(source));
    }

    private static long fnv1a64(String s) {
        long h = 0xCBF29CE484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= (b & 0xff);
            h *= 0x100000001B3L;
        }
        return h;
    }
}
