package capsim.models.tier;

import capsim.engine.kernel.Simulation;
import capsim.engine.random.RandomStream;
import capsim.engine.station.BusyListener;
import capsim.engine.station.FcfsStation;
import capsim.engine.station.PsStation;
import capsim.engine.station.Station;
import capsim.engine.station.Visit;
import capsim.engine.stats.LatencyRecorder;
import capsim.engine.stats.TimeWeighted;
import capsim.engine.stats.WindowedLatency;
import capsim.engine.stats.WindowedSeries;
import capsim.models.balance.Balancer;
import capsim.models.balance.Balancers;
import capsim.models.spec.TierSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A tier: {@code count} nodes, each a {@link Station} of {@code workers} servers (FCFS or
 * processor sharing), behind a balancer. It measures every visit that arrives inside the
 * {@link Horizon}: latency (queueing + service), busy server-seconds for utilisation, nodes in
 * service, and per-window figures.
 *
 * <p>Without a {@code queue_limit} each node still holds at most {@link #SAFETY_QUEUE_CAP}
 * waiting requests, so an overloaded model runs in bounded memory; requests refused by that cap
 * are counted as overflow and the tier is reported saturated.
 */
public final class Tier {
    /** Waiting requests per node beyond which an unbounded queue is cut (overload guard). */
    public static final int SAFETY_QUEUE_CAP = 50_000;

    private final TierSpec spec;
    private final Simulation sim;
    private final Horizon horizon;
    private final int workers;
    private final List<Node> nodes = new ArrayList<>();
    private final Balancer balancer;
    private final RandomStream balancerRng;
    private final Balancer.NodeLoad load;
    private final LatencyRecorder latency = new LatencyRecorder();
    private final WindowedLatency latencyWindows;
    private final WindowedSeries windows;
    private final TimeWeighted nodesInService;
    private final TimeWeighted serversInService;
    private final BusyListener busy;
    private double busyServerS;
    private double offeredWorkS;
    private long visits;
    private long rejected;
    private long timedOut;

    public Tier(TierSpec spec, int workers, Simulation sim, Horizon horizon, RandomStream balancerRng) {
        this.spec = spec;
        this.sim = sim;
        this.horizon = horizon;
        this.workers = workers;
        this.balancer = Balancers.of(spec.balancer());
        this.balancerRng = balancerRng;
        this.load = i -> nodes.get(i).station().inSystem();
        this.windows = new WindowedSeries(horizon.warmupS(), horizon.endS(), horizon.windowS());
        this.latencyWindows = new WindowedLatency(latency, horizon.windows());
        this.busy = this::addBusy;
        this.nodesInService = new TimeWeighted(0, 0);
        this.serversInService = new TimeWeighted(0, 0);
        for (int i = 0; i < spec.count(); i++) {
            addNode();
        }
    }

    private void addBusy(double fromS, double toS, double servers) {
        double from = Math.max(fromS, horizon.warmupS());
        double to = Math.min(toS, horizon.endS());
        if (to > from) {
            busyServerS += (to - from) * servers;
        }
        windows.addBusy(fromS, toS, servers);
    }

    private void addNode() {
        int queueLimit = spec.queueLimit().orElse(SAFETY_QUEUE_CAP);
        double timeoutS = spec.timeoutMs().isPresent() ? spec.timeoutMs().getAsDouble() / 1000.0
                : Double.POSITIVE_INFINITY;
        Station station = spec.discipline() == TierSpec.Discipline.PS
                ? new PsStation(sim, workers, queueLimit, timeoutS, busy)
                : new FcfsStation(sim, workers, queueLimit, timeoutS, busy);
        nodes.add(new Node(nodes.size(), station));
        nodesInService.update(sim.now(), nodes.size());
        serversInService.update(sim.now(), (double) nodes.size() * workers);
        windows.updateLevel(sim.now(), (double) nodes.size() * workers);
    }

    public String name() {
        return spec.name();
    }

    public TierSpec spec() {
        return spec;
    }

    public int workers() {
        return workers;
    }

    public List<Node> nodes() {
        return nodes;
    }

    /** Sends a visit of {@code serviceS} to the node the balancer picks; returns that node. */
    public Node offer(double serviceS, Visit visit) {
        Node node = nodes.get(balancer.pick(nodes.size(), load, balancerRng));
        offerTo(node, serviceS, visit);
        return node;
    }

    /** Sends a visit of {@code serviceS} to a given node (a WebSocket node holding recipients). */
    public void offerTo(Node node, double serviceS, Visit visit) {
        if (horizon.measures(sim.now())) {
            offeredWorkS += serviceS;
        }
        node.station().offer(serviceS, visit);
    }

    /** Records a measured visit that arrived at {@code arrivalS}; its latency if it left (departS) within the run. */
    public void recordVisit(double arrivalS, double departS, boolean ok) {
        if (!horizon.measures(arrivalS)) {
            return;
        }
        visits++;
        if (ok && horizon.finishesInRun(departS)) {
            latency.recordSeconds(departS - arrivalS);
        }
    }

    /** Counts a measured visit that was refused or gave up. */
    public void recordFailure(double arrivalS, boolean timeout) {
        if (horizon.measures(arrivalS)) {
            visits++;
            if (timeout) {
                timedOut++;
            } else {
                rejected++;
            }
        }
    }

    /** Starts the measured period: node statistics restart at warm-up's end. */
    public void startMeasuring() {
        nodesInService.reset(sim.now());
        serversInService.reset(sim.now());
    }

    public LatencyRecorder latency() {
        return latency;
    }

    /** Visit latency per window, by the time the visit was recorded. */
    public WindowedLatency latencyWindows() {
        return latencyWindows;
    }

    public WindowedSeries windows() {
        return windows;
    }

    public long visits() {
        return visits;
    }

    public long rejected() {
        return rejected;
    }

    public long timedOut() {
        return timedOut;
    }

    /** Busy server-seconds / server-seconds available over the horizon. */
    public double utilization() {
        double capacity = serversInService.average(horizon.endS()) * horizon.measuredS();
        return capacity > 0 ? busyServerS / capacity : 0;
    }

    /** Work offered (server-seconds at full speed) / server-seconds available over the horizon. */
    public double offeredUtilization() {
        double capacity = serversInService.average(horizon.endS()) * horizon.measuredS();
        return capacity > 0 ? offeredWorkS / capacity : 0;
    }

    /** True when refusals came from the overload guard rather than a configured queue limit. */
    public boolean overflowed() {
        return spec.queueLimit().isEmpty() && rejected > 0;
    }

    /** Time-averaged utilisation in window {@code i}. */
    public double windowUtilization(int i) {
        double servers = windows.levelAverage(i);
        return servers > 0 ? windows.busyAverage(i) / servers : 0;
    }

    /** Time-averaged nodes in service in window {@code i}. */
    public double windowNodes(int i) {
        return windows.levelAverage(i) / workers;
    }

    public TimeWeighted nodesInService() {
        return nodesInService;
    }
}
