package capsim.models.balance;

import capsim.engine.random.RandomStream;

/** Uniformly random node: each tier node sees a thinned Poisson stream. */
public final class RandomChoice implements Balancer {
    @Override
    public int pick(int n, NodeLoad load, RandomStream rng) {
        return rng.nextInt(n);
    }
}
