package capsim.models.workload;

import capsim.engine.dist.Distribution;
import capsim.engine.random.RandomStream;
import capsim.models.tier.Tier;

/**
 * One compiled step of a request's route: {@code repeat} visits to {@code tier}, then, for a
 * cache step ({@code hitRatio} given), a hit continues at {@code next} and a miss at
 * {@code miss}; otherwise it continues at {@code next} ({@code null}: the request is done).
 * Compiling the nested steps into linked hops means a request needs no stack to walk them.
 */
final class Hop {
    final Tier tier;
    final Distribution serviceMs;
    final RandomStream serviceRng;
    final int repeat;
    final double hitRatio;
    final RandomStream hitRng;
    Hop next;
    Hop miss;

    Hop(Tier tier, Distribution serviceMs, RandomStream serviceRng, int repeat, double hitRatio, RandomStream hitRng) {
        this.tier = tier;
        this.serviceMs = serviceMs;
        this.serviceRng = serviceRng;
        this.repeat = repeat;
        this.hitRatio = hitRatio;
        this.hitRng = hitRng;
    }

    boolean isCache() {
        return !Double.isNaN(hitRatio);
    }

    /** Service demand of one visit, seconds. */
    double sampleServiceS() {
        return serviceMs.sample(serviceRng) / 1000.0;
    }

    /** Where the request goes after its last visit here. */
    Hop after() {
        if (isCache() && hitRng.nextDouble() >= hitRatio) {
            return miss;
        }
        return next;
    }
}
