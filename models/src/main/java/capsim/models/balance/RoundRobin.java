package capsim.models.balance;

import capsim.engine.random.RandomStream;

/** Round robin: nodes in turn, whatever their load (an ALB's default routing algorithm). */
public final class RoundRobin implements Balancer {
    private int next;

    @Override
    public int pick(int n, NodeLoad load, RandomStream rng) {
        if (next >= n) {
            next = 0;
        }
        return next++;
    }
}
