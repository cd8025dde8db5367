package capsim.models.balance;

import capsim.engine.random.RandomStream;

/**
 * Least outstanding requests (join the shortest queue). Ties go to the first candidate after
 * the previously chosen node, so equal nodes share the load in turn.
 */
public final class LeastConnections implements Balancer {
    private int last = -1;

    @Override
    public int pick(int n, NodeLoad load, RandomStream rng) {
        int best = -1;
        int bestLoad = Integer.MAX_VALUE;
        for (int k = 1; k <= n; k++) {
            int i = (last + k) % n;
            int l = load.inSystem(i);
            if (l < bestLoad) {
                best = i;
                bestLoad = l;
                if (l == 0) {
                    break;
                }
            }
        }
        last = best;
        return best;
    }
}
