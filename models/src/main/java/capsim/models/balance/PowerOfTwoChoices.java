package capsim.models.balance;

import capsim.engine.random.RandomStream;

/**
 * The power of two choices (Mitzenmacher, "The power of two choices in randomized load
 * balancing", 2001): sample two distinct nodes at random, send to the less loaded one (the
 * first on a tie).
 */
public final class PowerOfTwoChoices implements Balancer {
    @Override
    public int pick(int n, NodeLoad load, RandomStream rng) {
        if (n == 1) {
            return 0;
        }
        int a = rng.nextInt(n);
        int b = rng.nextInt(n - 1);
        if (b >= a) {
            b++;
        }
        return load.inSystem(b) < load.inSystem(a) ? b : a;
    }
}
