package capsim.models.balance;

import capsim.models.spec.TierSpec;

/** The registry: one line per balancer named in the model file. */
public final class Balancers {
    private Balancers() {
    }

    /** A new balancer (with fresh state) of the given kind. */
    public static Balancer of(TierSpec.Balancer kind) {
        return switch (kind) {
            case ROUND_ROBIN -> new RoundRobin();
            case LEAST_CONNECTIONS -> new LeastConnections();
            case RANDOM -> new RandomChoice();
            case POWER_OF_TWO -> new PowerOfTwoChoices();
        };
    }
}
