package capsim.models.workload;

import capsim.engine.dist.Distribution;
import capsim.engine.random.RandomStream;
import capsim.models.failure.CacheRefill;
import capsim.models.spec.ManagedSpec;
import capsim.models.tier.Node;
import capsim.models.tier.Tier;

/**
 * One compiled step of a request's route: {@code repeat} visits to {@code tier}, then, for a
 * cache step ({@code hitRatio} given), a hit continues at {@code next} and a miss at
 * {@code miss}; otherwise it continues at {@code next} ({@code null}: the request is done).
 * Compiling the nested steps into linked hops means a request needs no stack to walk them.
 * On a managed cache tier, a node that came back empty scales the hit ratio down while it
 * refills ({@link CacheRefill}). A delay hop ({@code tier} null) holds the request for a sample of
 * {@code serviceMs}.
 */
final class Hop {
    final Tier tier;
    final Distribution serviceMs;
    final RandomStream serviceRng;
    final int repeat;
    final double hitRatio;
    final RandomStream hitRng;
    /** Refill time of the tier's cache after a node came back empty; 0: not a managed cache. */
    private final double refillS;
    Hop next;
    Hop miss;

    Hop(Tier tier, Distribution serviceMs, RandomStream serviceRng, int repeat, double hitRatio, RandomStream hitRng) {
        this.tier = tier;
        this.serviceMs = serviceMs;
        this.serviceRng = serviceRng;
        this.repeat = repeat;
        this.hitRatio = hitRatio;
        this.hitRng = hitRng;
        this.refillS = tier == null ? 0 : tier.spec().operations().managed().filter(m -> m.kind() == ManagedSpec.Kind.CACHE)
                .map(ManagedSpec::refillS).orElse(0.0);
    }

    /** True for a pure delay (no tier). */
    boolean isDelay() {
        return tier == null;
    }

    boolean isCache() {
        return !Double.isNaN(hitRatio);
    }

    /** Service demand of one visit, seconds. */
    double sampleServiceS() {
        return serviceMs.sample(serviceRng) / 1000.0;
    }

    /** Where the request goes after its last visit here, served by {@code node} until {@code departS}. */
    Hop after(Node node, double departS) {
        if (isCache()) {
            double ratio = hitRatio;
            if (refillS > 0 && node != null) {
                double warmth = CacheRefill.warmth(departS - node.coldSinceS(), refillS);
                // in a sampled tier the node may stand for several, only some of which came back empty
                if (warmth < 1 && node.coldShare() < 1 && hitRng.nextDouble() >= node.coldShare()) {
                    warmth = 1;
                }
                ratio *= warmth;
            }
            if (hitRng.nextDouble() >= ratio) {
                return miss;
            }
        }
        return next;
    }
}
