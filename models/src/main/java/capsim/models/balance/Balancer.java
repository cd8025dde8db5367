package capsim.models.balance;

import capsim.engine.random.RandomStream;

/**
 * Picks the node of a tier that takes the next visit, among the {@code n} nodes in service
 * (indices 0..n-1). {@code load.applyAsInt(i)} is the number of requests node i holds now.
 */
public interface Balancer {
    int pick(int n, NodeLoad load, RandomStream rng);

    /** The requests a node holds now (waiting plus in service). */
    @FunctionalInterface
    interface NodeLoad {
        int inSystem(int node);
    }
}
