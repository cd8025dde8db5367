package capsim.models.autoscale;

import capsim.models.spec.AutoscaleSpec.Metric;
import capsim.models.tier.Node;
import capsim.models.tier.Tier;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Samples a tier's scaling metric over one period [from, now], as a CloudWatch or
 * metrics-server datapoint. A node's metric counts (it is ready) when it has been in service
 * for the whole period, and, if it was launched after the start, also for {@code warmupS}
 * before the period. Over the ready nodes:
 * <ul>
 *   <li>cpu, percent: busy server-seconds in the period / (ready nodes x workers x period):
 *       the node's busy-time counter ({@link Node#busyServerS()}) less the service it has
 *       booked after now ({@link capsim.engine.station.Station#bookedAheadS()}), so a backlog
 *       reads as 100% busy, not as the work offered;</li>
 *   <li>requests per node: visits offered to the tier in the period / node-seconds in service
 *       (every node in service shares the traffic, ready or not);</li>
 *   <li>connections per node: the WebSocket connections / nodes in service now.</li>
 * </ul>
 * With no ready node or an empty period the metric is NaN (no datapoint). In a sampled tier the
 * cpu and requests figures are the simulated nodes' (the tier's mean, estimated from its sample);
 * the capacity counts every node.
 */
final class TierMetric {
    private final Tier tier;
    private final Optional<Metric> metric;
    private final double warmupS;
    private final int initialNodes;
    private final long connections;
    private double[] lastBusyS = new double[0];
    private long lastOffers;

    TierMetric(Tier tier, Optional<Metric> metric, double warmupS, long connections) {
        this.tier = tier;
        this.metric = metric;
        this.warmupS = warmupS;
        this.initialNodes = tier.nodes().size();
        this.connections = connections;
        this.lastOffers = tier.offers();
        sampleBusy();
    }

    /** The observation of the period [{@code fromS}, {@code nowS}] at desired {@code capacity}. */
    Observation observe(double fromS, double nowS, int capacity) {
        List<Node> nodes = tier.nodes();
        double[] busyS = sampleBusy();
        int ready = 0;
        int readySimulated = 0;
        int inService = 0;
        double readyBusyS = 0;
        double inServiceS = 0;
        for (Node n : nodes) {
            double delta = busyS[n.id()];
            if (n.state() == Node.State.IN_SERVICE) {
                inService++;
                if (n.simulated()) {
                    inServiceS += nowS - Math.max(n.stateSinceS(), fromS);
                }
                double countsFromS = n.stateSinceS() + (n.id() >= initialNodes ? warmupS : 0);
                if (countsFromS <= fromS) {
                    ready++;
                    if (n.simulated()) {
                        readySimulated++;
                        readyBusyS += delta;
                    }
                }
            } else if (n.state() == Node.State.DRAINING && n.stateSinceS() > fromS && n.simulated()) {
                inServiceS += n.stateSinceS() - fromS;
            }
        }
        long offers = tier.offers();
        long offered = offers - lastOffers;
        lastOffers = offers;
        double periodS = nowS - fromS;
        if (metric.isEmpty() || readySimulated == 0 || !(periodS > 0)) {
            return new Observation(nowS, Double.NaN, ready, capacity);
        }
        double value = switch (metric.get()) {
            case CPU -> 100 * readyBusyS / ((double) readySimulated * tier.workers() * periodS);
            case REQUESTS_PER_NODE -> offered / inServiceS;
            case CONNECTIONS_PER_NODE -> (double) connections / inService;
        };
        return new Observation(nowS, value, ready, capacity);
    }

    /** Each node's busy server-seconds served since the last sample, indexed by node id. */
    private double[] sampleBusy() {
        List<Node> nodes = tier.nodes();
        if (lastBusyS.length < nodes.size()) {
            lastBusyS = Arrays.copyOf(lastBusyS, Math.max(nodes.size(), 2 * lastBusyS.length));
        }
        double[] delta = new double[nodes.size()];
        for (Node n : nodes) {
            double b = n.busyServerS() - n.station().bookedAheadS();
            delta[n.id()] = b - lastBusyS[n.id()];
            lastBusyS[n.id()] = b;
        }
        return delta;
    }
}
