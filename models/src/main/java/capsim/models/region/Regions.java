package capsim.models.region;

import capsim.engine.random.RandomStream;
import capsim.engine.random.RandomStreams;
import capsim.models.balance.Balancer;
import capsim.models.balance.Balancers;
import capsim.models.spec.NetworkSpec;
import capsim.models.spec.RegionsSpec;
import capsim.models.tier.Node;
import capsim.models.tier.Tier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The regions of a model at run time: where requests start, which node of a tier they go to,
 * and what a hop between regions costs.
 *
 * <p>Each request or message starts in a region drawn by the regions' shares (inverse transform
 * of the cumulative shares, one uniform per draw). The balancer of a tier whose zones span
 * several regions prefers the nodes in the request's current region; when none of them is in
 * the balancer's set (all down and detected), it sends to the nearest region (lowest
 * {@code region_ms}) that has one. This is latency-based routing with health checks as Amazon
 * Route 53 does it ("Latency-based routing" and "How Amazon Route 53 chooses records when health
 * checking is configured", Route 53 developer guide): the lowest-latency healthy region wins.
 * Each region runs its own balancer of the tier's kind, as a regional load balancer would. A
 * tier whose zones lie in one region keeps its own single balancer. A hop between regions costs
 * {@code region_ms} (at least {@code hop_ms}).
 */
public final class Regions {
    private final List<String> names;
    private final double[] cumulativeShare;
    private final Map<String, Integer> regionOfZone = new HashMap<>();
    /** Time a hop from region i to region j takes beyond {@code hop_ms}, seconds. */
    private final double[][] extraS;
    /** For each region, every region by latency from it: itself first, then the nearest. */
    private final int[][] byLatency;
    /** The regional balancers of each tier whose zones span several regions. */
    private final Map<Tier, Pool> pools = new IdentityHashMap<>();

    private Regions(RegionsSpec spec, double hopS, Map<String, Tier> tiers, RandomStreams streams) {
        List<RegionsSpec.Region> regions = spec.regions();
        int n = regions.size();
        names = regions.stream().map(RegionsSpec.Region::name).toList();
        cumulativeShare = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += regions.get(i).share();
            cumulativeShare[i] = sum;
            for (String zone : regions.get(i).zones()) {
                regionOfZone.put(zone, i);
            }
        }
        extraS = new double[n][n];
        byLatency = new int[n][];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                extraS[i][j] = i == j ? 0 : Math.max(0, spec.ms(names.get(i), names.get(j)).orElseThrow() / 1000 - hopS);
            }
            double[] from = extraS[i];
            int self = i;
            // the region itself first even when another is as near; ties in file order
            byLatency[i] = IntStream.range(0, n).boxed()
                    .sorted(Comparator.<Integer>comparingInt(j -> j == self ? 0 : 1).thenComparingDouble(j -> from[j]))
                    .mapToInt(Integer::intValue).toArray();
        }
        for (Tier t : tiers.values()) {
            if (t.spec().operations().zones().stream().map(this::regionOfZone).distinct().count() > 1) {
                pools.put(t, new Pool(t, streams));
            }
        }
    }

    /** The regions of {@code network} for a run of {@code tiers}; empty when the model has none. */
    public static Optional<Regions> of(NetworkSpec network, Map<String, Tier> tiers, RandomStreams streams) {
        if (!network.regions().given()) {
            return Optional.empty();
        }
        return Optional.of(new Regions(network.regions(), network.hopMs() / 1000, tiers, streams));
    }

    /** The regions' names, in the file's order (indices 0..n-1). */
    public List<String> names() {
        return names;
    }

    /** A region drawn by the shares; with one region, no draw. */
    public int draw(RandomStream rng) {
        int last = cumulativeShare.length - 1;
        if (last == 0) {
            return 0;
        }
        double u = rng.nextDouble() * cumulativeShare[last];
        for (int i = 0; i < last; i++) {
            if (u < cumulativeShare[i]) {
                return i;
            }
        }
        return last;
    }

    /** The region of {@code node}. */
    public int regionOf(Node node) {
        return regionOfZone(node.zone());
    }

    private int regionOfZone(String zone) {
        Integer region = regionOfZone.get(zone);
        if (region == null) {
            throw new IllegalArgumentException("zone '" + zone + "' is in no region");
        }
        return region;
    }

    /** What a hop from region {@code from} to region {@code to} takes beyond {@code hop_ms}, seconds. */
    public double extraS(int from, int to) {
        return extraS[from][to];
    }

    /**
     * The node of {@code tier} for a visit from region {@code region}: in that region if it has
     * one in the balancer's set, else in the nearest region that has. The tier must have a node
     * in that set.
     */
    public Node pick(Tier tier, int region) {
        Pool pool = pools.get(tier);
        return pool == null ? tier.pick() : pool.pick(region);
    }

    /** One tier's nodes in the balancer's set, sorted by region, each region with its own balancer. */
    private final class Pool {
        private final Tier tier;
        private final List<List<Node>> local = new ArrayList<>();
        private final Balancer[] balancers;
        private final Balancer.NodeLoad[] loads;
        private final RandomStream[] rngs;

        Pool(Tier tier, RandomStreams streams) {
            this.tier = tier;
            int n = names.size();
            balancers = new Balancer[n];
            loads = new Balancer.NodeLoad[n];
            rngs = new RandomStream[n];
            for (int r = 0; r < n; r++) {
                List<Node> nodes = new ArrayList<>();
                local.add(nodes);
                balancers[r] = Balancers.of(tier.spec().balancer());
                loads[r] = i -> nodes.get(i).station().inSystem();
                rngs[r] = streams.stream("tier/" + tier.name() + "/balancer/" + names.get(r));
            }
            sort();
            tier.onNodesChanged(this::sort);
        }

        /** Sorts the balancer's set by region, after any change of a node's state. */
        private void sort() {
            local.forEach(List::clear);
            for (Node node : tier.active()) {
                local.get(regionOf(node)).add(node);
            }
        }

        Node pick(int region) {
            for (int r : byLatency[region]) {
                List<Node> nodes = local.get(r);
                if (!nodes.isEmpty()) {
                    return nodes.get(balancers[r].pick(nodes.size(), loads[r], rngs[r]));
                }
            }
            throw new IllegalStateException("tier " + tier.name() + " has no node in service");
        }
    }
}
