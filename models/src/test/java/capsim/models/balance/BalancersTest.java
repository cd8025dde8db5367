package capsim.models.balance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import capsim.engine.random.RandomStream;
import capsim.models.spec.TierSpec;
import org.junit.jupiter.api.Test;

class BalancersTest {
    private final RandomStream rng = new RandomStream(7);

    @Test
    void roundRobinVisitsNodesInTurn() {
        Balancer b = Balancers.of(TierSpec.Balancer.ROUND_ROBIN);
        int[] picks = new int[7];
        for (int i = 0; i < picks.length; i++) {
            picks[i] = b.pick(3, node -> 100, rng);
        }
        // 0,1,2,0,1,2,0 whatever the load
        assertEquals("[0, 1, 2, 0, 1, 2, 0]", java.util.Arrays.toString(picks));
    }

    @Test
    void roundRobinFollowsAShrinkingTier() {
        Balancer b = new RoundRobin();
        b.pick(4, node -> 0, rng);
        b.pick(4, node -> 0, rng);
        b.pick(4, node -> 0, rng); // picked 0,1,2; next would be 3
        assertEquals(0, b.pick(3, node -> 0, rng), "node 3 left: wrap to 0");
    }

    @Test
    void leastConnectionsPicksTheShortestQueueAndSharesTies() {
        Balancer b = Balancers.of(TierSpec.Balancer.LEAST_CONNECTIONS);
        int[] load = {5, 2, 7, 2};
        // shortest are 1 and 3 (2 each): the first after the last choice wins, alternating
        assertEquals(1, b.pick(4, i -> load[i], rng));
        assertEquals(3, b.pick(4, i -> load[i], rng));
        assertEquals(1, b.pick(4, i -> load[i], rng));
        load[0] = 0;
        assertEquals(0, b.pick(4, i -> load[i], rng));
    }

    @Test
    void randomIsUniform() {
        Balancer b = Balancers.of(TierSpec.Balancer.RANDOM);
        int n = 4;
        int draws = 400_000;
        int[] counts = new int[n];
        for (int i = 0; i < draws; i++) {
            counts[b.pick(n, node -> 0, rng)]++;
        }
        // each count is Binomial(400000, 1/4): sd = sqrt(400000 * 0.25 * 0.75) = 274; allow 5 sd
        for (int c : counts) {
            assertEquals(draws / 4.0, c, 5 * 274.0);
        }
    }

    @Test
    void powerOfTwoNeverPicksTheBusierOfItsTwoSamples() {
        Balancer b = Balancers.of(TierSpec.Balancer.POWER_OF_TWO);
        int[] load = {0, 10, 10, 10};
        // node 0 is picked whenever it is one of the two distinct samples: P = 1 - (3/4)(2/3) = 1/2
        int draws = 200_000;
        int zero = 0;
        for (int i = 0; i < draws; i++) {
            int p = b.pick(4, node -> load[node], rng);
            if (p == 0) {
                zero++;
            }
        }
        // Binomial(200000, 0.5): sd = 224; allow 5 sd
        assertEquals(draws / 2.0, zero, 5 * 224.0);
        assertEquals(0, b.pick(1, node -> 3, rng));
        assertEquals(1, b.pick(2, node -> node == 0 ? 9 : 1, rng), "two nodes: both are sampled, the idle one wins");
    }

    /*
     * Mean-field two choices over 2 nodes holding 0 and 1 requests. Before an estimate every node
     * weighs 1. After 2 x 1000 / 25 = 80 visits, one observation (shares: at least 0: 1, at least
     * 1: 1/2, at least 2: 0) gives w(0) = 1 + 1/2 = 1.5, w(1) = 1/2 + 0 = 0.5, w(2) = 0, whose mean
     * over the nodes observed is 1 (no rescaling); node 0 is then picked 1.5 / 2 = 75% of the time.
     */
    @Test
    void meanFieldTwoChoicesWeighsNodesByTheirOccupancy() {
        MeanFieldTwoChoices b = new MeanFieldTwoChoices();
        int[] load = {0, 1};
        assertEquals(1, b.weight(5), 0);
        for (int i = 0; i < 80; i++) {
            b.pick(2, n -> load[n], rng);
        }
        assertEquals(2, b.observe(2, n -> load[n], 1), 0, "the weight before this observation's estimate");
        assertEquals(1.5, b.weight(0), 1e-12);
        assertEquals(0.5, b.weight(1), 1e-12);
        assertEquals(0, b.weight(2), 0);
        assertEquals(1.5, b.maxWeight(), 1e-12);
        int first = 0;
        for (int i = 0; i < 100_000; i++) {
            first += b.pick(2, n -> load[n], rng) == 0 ? 1 : 0;
        }
        // binomial: sd sqrt(0.75 x 0.25 / 100000) = 0.0014
        assertEquals(0.75, first / 100_000.0, 0.007);
    }
}
