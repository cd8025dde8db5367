package capsim.models.tier;

import capsim.engine.capacity.CapacityPath;
import capsim.engine.kernel.Simulation;
import capsim.engine.random.RandomStream;
import capsim.engine.station.BusyListener;
import capsim.engine.station.FcfsStation;
import capsim.engine.station.Outcome;
import capsim.engine.station.PsStation;
import capsim.engine.station.Station;
import capsim.engine.station.Visit;
import capsim.models.balance.Balancer;
import capsim.models.balance.Balancers;
import capsim.models.balance.MeanFieldTwoChoices;
import capsim.models.period.Periods;
import capsim.models.period.TierRecorder;
import capsim.models.spec.TierSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A tier: nodes, each a {@link Station} of {@code workers} servers (FCFS or processor
 * sharing), behind a balancer that sees only the nodes in service. Nodes can be launched (they
 * boot first), retired (they drain, then stop) and fail. It records into the recorders its
 * {@link Periods} hand it, one per measured period: each visit into the period of the request
 * it serves, busy time and node counts into every period they overlap.
 *
 * <p>Without a {@code queue_limit} each node still holds at most {@link #SAFETY_QUEUE_CAP}
 * waiting requests, so an overloaded model runs in bounded memory; requests refused by that cap
 * are counted as overflow and the tier is reported saturated.
 *
 * <p>A sampled tier ({@code stride} > 1, docs/fidelity.md) keeps every node's life cycle, but
 * only one node in {@code stride} (of each zone, when zones matter) is
 * {@link Node#simulated() simulated}: the balancer sends work to those alone (power of two in its
 * mean-field limit, {@link MeanFieldTwoChoices}), and utilisation and
 * latency are theirs. Node counts, the bill and the autoscaler's capacity are the whole tier's.
 * A failure of one node alone strikes a node that is not simulated ({@link #failUnsimulated}):
 * until it is detected, every visit reaching the tier, and every visit in flight when it failed,
 * is lost with the probability that the balancer would have sent it to that node (1 / nodes
 * taking work); once detected, the tier takes work on one node fewer. When every node in
 * service is simulated, it strikes a simulated node with the share 1 / (nodes it stands for):
 * work reaching it while it is down is lost with that probability, and otherwise goes to
 * another simulated node ({@link #pick()}), as it would have gone to one of the nodes still up.
 */
public final class Tier {
    /** Waiting requests per node beyond which an unbounded queue is cut (overload guard). */
    public static final int SAFETY_QUEUE_CAP = 50_000;
    /** How often a draining node checks whether its work is done, seconds. */
    private static final double DRAIN_POLL_S = 1;

    private final TierSpec spec;
    private final Simulation sim;
    private final Periods periods;
    private final TierRecorder[] recorders;
    private final int workers;
    private final double cpuSpeed;
    private final List<Node> nodes = new ArrayList<>();
    private final List<Node> active = new ArrayList<>();
    /** The simulated nodes taking work: {@link #active} itself when every node is simulated. */
    private final List<Node> simActive;
    /** One node in {@code stride} (of each zone when {@link #zonal}) is simulated; 1: every node. */
    private final int stride;
    /** True when the sample is drawn in each zone, false when over the whole tier. */
    private final boolean zonal;
    /** Nodes not simulated that failed alone and are not detected yet: visits reaching the tier are lost in their share. */
    private final List<Node> unseenDown = new ArrayList<>();
    /** When each such node failed, and its share of the nodes taking work then: {time, share}, in time order. */
    private final List<double[]> unseenOnsets = new ArrayList<>();
    private final Map<String, Integer> launchedInZone = new HashMap<>();
    /** Simulated nodes given up (discarded) whose replacement should be simulated in turn. */
    private int simulatedOwed;
    /** Draws of the sample's shares (lost work, rerouting); never drawn from when every node is simulated. */
    private final RandomStream sampleRng;
    private final Balancer balancer;
    private final RandomStream balancerRng;
    private final Interference interference;
    private final Balancer.NodeLoad load;
    private final List<Runnable> changeListeners = new ArrayList<>();
    private double busyTotalS;
    private long offers;
    private boolean fallible;

    /**
     * A tier of {@code spec.count()} nodes of {@code workers} servers each, measured in
     * {@code periods} (which it registers with), their CPUs at {@code cpuSpeed} x the reference
     * type's (see {@link CpuSpeed#of}), slowed by {@code interference} (regimes, stalls).
     */
    public Tier(TierSpec spec, int workers, double cpuSpeed, Simulation sim, Periods periods,
                RandomStream balancerRng, Interference interference) {
        this(spec, workers, cpuSpeed, sim, periods, balancerRng, interference, 1, true, balancerRng,
                Balancers.of(spec.balancer()));
    }

    /**
     * As above, a tier of which one node in {@code stride} ({@code stride} 1: all) is simulated,
     * of each zone when {@code zonal}, else of the whole tier; {@code sampleRng} draws the sample's shares.
     */
    public Tier(TierSpec spec, int workers, double cpuSpeed, Simulation sim, Periods periods,
                RandomStream balancerRng, Interference interference, int stride, boolean zonal,
                RandomStream sampleRng) {
        this(spec, workers, cpuSpeed, sim, periods, balancerRng, interference, stride, zonal, sampleRng,
                Balancers.of(spec.balancer()));
    }

    /** As above, with {@code balancer} choosing among the simulated nodes (e.g. {@link MeanFieldTwoChoices}). */
    public Tier(TierSpec spec, int workers, double cpuSpeed, Simulation sim, Periods periods,
                RandomStream balancerRng, Interference interference, int stride, boolean zonal,
                RandomStream sampleRng, Balancer balancer) {
        this.stride = stride;
        this.zonal = zonal;
        this.sampleRng = sampleRng;
        this.simActive = stride == 1 ? active : new ArrayList<>();
        this.spec = spec;
        this.interference = interference;
        this.sim = sim;
        this.periods = periods;
        this.recorders = periods.tier(spec.name(), workers);
        this.workers = workers;
        this.cpuSpeed = cpuSpeed;
        this.balancer = balancer;
        this.balancerRng = balancerRng;
        this.load = i -> simActive.get(i).station().inSystem();
        for (int i = 0; i < spec.count(); i++) {
            newNode(Node.State.IN_SERVICE, nextZone());
        }
        counted();
    }

    /** A tier without interference whose CPUs run at {@code cpuSpeed} x the reference type's. */
    public Tier(TierSpec spec, int workers, double cpuSpeed, Simulation sim, Periods periods,
                RandomStream balancerRng) {
        this(spec, workers, cpuSpeed, sim, periods, balancerRng, Interference.NONE);
    }

    /** A tier without interference at the reference speed, or at the tier's {@code cpu_speed} if it gives one. */
    public Tier(TierSpec spec, int workers, Simulation sim, Periods periods, RandomStream balancerRng) {
        this(spec, workers, sim, periods, balancerRng, Interference.NONE);
    }

    /** A tier slowed by {@code interference}, at the reference speed or the tier's {@code cpu_speed}. */
    public Tier(TierSpec spec, int workers, Simulation sim, Periods periods, RandomStream balancerRng,
                Interference interference) {
        this(spec, workers, spec.speed().cpuSpeed().orElse(1.0), sim, periods, balancerRng, interference);
    }

    /** The zone of the next node round robin: node i is in zones[i mod n]. */
    private String nextZone() {
        List<String> zones = spec.operations().zones();
        return zones.get(nodes.size() % zones.size());
    }

    private Node newNode(Node.State state, String zone) {
        int id = nodes.size();
        int queueLimit = spec.queueLimit().orElse(SAFETY_QUEUE_CAP);
        double timeoutS = spec.timeoutMs().isPresent() ? spec.timeoutMs().getAsDouble() / 1000.0
                : Double.POSITIVE_INFINITY;
        Node[] self = new Node[1];
        BusyListener busy = (fromS, toS, servers) -> addBusy(self[0], fromS, toS, servers);
        CapacityPath path = interference.pathFor(id);
        Station station = spec.discipline() == TierSpec.Discipline.PS
                ? new PsStation(sim, workers, queueLimit, timeoutS, busy, path, interference.wakeUpFor(id))
                : new FcfsStation(sim, workers, queueLimit, timeoutS, busy, path, interference.wakeUpFor(id));
        Node node = new Node(id, zone, station, state, sim.now(), cpuSpeed, stride == 1 || sampleSlot(zone));
        interference.loadDependence().ifPresent(l ->
                node.loadDependent(new RecentUtilisation(l.idleFactor(), l.horizonS(), workers)));
        self[0] = node;
        nodes.add(node);
        if (state == Node.State.IN_SERVICE) {
            activate(node);
        }
        return node;
    }

    /** True when the next node launched in {@code zone} is simulated: one in {@code stride}, or a replacement. */
    private boolean sampleSlot(String zone) {
        int before = launchedInZone.merge(zonal ? zone : "", 1, Integer::sum) - 1;
        if (simulatedOwed > 0) {
            simulatedOwed--;
            return true;
        }
        return before % stride == 0;
    }

    private void activate(Node node) {
        active.add(node);
        if (simActive != active && node.simulated()) {
            simActive.add(node);
        }
    }

    private void deactivate(Node node) {
        active.remove(node);
        if (simActive != active) {
            simActive.remove(node);
        }
    }

    private void addBusy(Node node, double fromS, double toS, double servers) {
        double serverS = (toS - fromS) * servers;
        busyTotalS += serverS;
        node.addBusy(serverS, sim.now());
        for (TierRecorder r : recorders) {
            r.busy(fromS, toS, servers);
        }
    }

    /** Tells every period the node counts after a change of state, then the listeners. */
    private void counted() {
        int billed = 0;
        int booting = 0;
        for (Node n : nodes) {
            if (n.billed()) {
                billed++;
            }
            if (n.state() == Node.State.BOOTING) {
                booting++;
            }
        }
        for (TierRecorder r : recorders) {
            r.nodes(sim.now(), active.size(), simActive.size(), billed);
            r.booting(sim.now(), booting);
        }
        changeListeners.forEach(Runnable::run);
    }

    /** Tells every period that from now the tier's autoscaler wants {@code desired} nodes. */
    public void desired(int desired) {
        for (TierRecorder r : recorders) {
            r.desired(sim.now(), desired);
        }
    }

    /** Tells every period that from now the tier's running nodes hold {@code balance} CPU credits each, on average. */
    public void credits(double balance) {
        for (TierRecorder r : recorders) {
            r.credits(sim.now(), balance);
        }
    }

    /** Runs {@code listener} after every change of a node's state (e.g. clients reconnect). */
    public void onNodesChanged(Runnable listener) {
        changeListeners.add(listener);
    }

    /** Launches a node: it boots for {@code bootS}, then takes work. Returns it. */
    public Node launch(double bootS) {
        return launch(bootS, nextZone());
    }

    /** Launches a node in {@code zone} (not the next zone round robin): it boots for {@code bootS}. Returns it. */
    public Node launch(double bootS, String zone) {
        Node node = newNode(Node.State.BOOTING, zone);
        counted();
        sim.schedule(sim.now() + bootS, () -> {
            if (node.state() == Node.State.BOOTING) {
                node.setState(Node.State.IN_SERVICE, sim.now());
                activate(node);
                counted();
            }
        });
        return node;
    }

    /**
     * Scales a node in: it takes no new work and stops once its work is done, or after
     * {@code drainS} at most (a booting node stops at once).
     */
    public void retire(Node node, double drainS) {
        if (node.state() == Node.State.BOOTING) {
            node.setState(Node.State.STOPPED, sim.now());
            counted();
            return;
        }
        if (node.state() != Node.State.IN_SERVICE) {
            return;
        }
        node.setState(Node.State.DRAINING, sim.now());
        deactivate(node);
        counted();
        double deadlineS = sim.now() + drainS;
        sim.schedule(sim.now(), new capsim.engine.kernel.Event() {
            @Override
            public void fire() {
                if (node.state() != Node.State.DRAINING) {
                    return;
                }
                if (node.station().inSystem() == 0 || sim.now() >= deadlineS) {
                    node.setState(Node.State.STOPPED, sim.now());
                    counted();
                } else {
                    sim.schedule(Math.min(deadlineS, sim.now() + DRAIN_POLL_S), this);
                }
            }
        });
    }

    /** The node goes down now: the balancer keeps sending to it until {@link #detected}. */
    public void fail(Node node) {
        fail(node, 1);
    }

    /** As {@link #fail(Node)}, for {@code share} of the nodes {@code node} stands for (1 when every node is simulated). */
    public void fail(Node node, double share) {
        if (node.state() == Node.State.STOPPED || node.state() == Node.State.FAILED) {
            return;
        }
        node.setState(Node.State.FAILED, sim.now(), share);
        counted();
    }

    /**
     * {@code node}, not simulated, fails alone now. Until it is {@link #detected}, each visit
     * reaching a simulated node is lost with the share of the nodes taking work it is, as is each
     * visit in flight now ({@link #lost}).
     */
    public void failUnsimulated(Node node) {
        if (node.state() == Node.State.STOPPED || node.state() == Node.State.FAILED) {
            return;
        }
        boolean taking = node.state() == Node.State.IN_SERVICE;
        node.setState(Node.State.FAILED, sim.now());
        if (taking) {
            unseenDown.add(node);
            unseenOnsets.add(new double[] {sim.now(), 1.0 / active.size()});
        }
        counted();
    }

    /**
     * An unsimulated node that failed alone came back empty: each simulated node taking work is
     * cold for that node's share of the nodes taking work (the requests that node would get).
     */
    public void restartColdUnsimulated() {
        double share = 1.0 / Math.max(1, active.size());
        for (Node n : simActive) {
            n.restartCold(sim.now(), share);
        }
    }

    /**
     * The share of the nodes one simulated node stands for that a failure of one node takes:
     * simulated nodes in service / nodes in service (1 when every node is simulated).
     */
    public double oneNodeShare() {
        if (stride == 1 || active.isEmpty()) {
            return 1;
        }
        return Math.min(1, (double) simActive.size() / active.size());
    }

    /** True when only a sample of this tier's nodes is simulated. */
    public boolean sampled() {
        return stride > 1;
    }

    /** Simulated nodes taking work now ({@link #active()} when every node is simulated). */
    public List<Node> simulatedActive() {
        return simActive;
    }

    /**
     * True if work on {@code node} from {@code fromS} to {@code toS} was lost to a failure: the
     * node was down at some instant of it (with a failure's share below 1, lost with that probability).
     */
    public boolean lost(Node node, double fromS, double toS) {
        if (stride == 1) {
            return node.downDuring(fromS, toS);
        }
        double share = node.downShare(fromS, toS);
        if (share >= 1 || share > 0 && sampleRng.nextDouble() < share) {
            return true;
        }
        for (int i = unseenOnsets.size() - 1; i >= 0 && unseenOnsets.get(i)[0] >= fromS; i--) {
            double[] onset = unseenOnsets.get(i);
            if (onset[0] <= toS && sampleRng.nextDouble() < onset[1]) {
                return true; // in flight when a node it stands beside failed, and on that node
            }
        }
        return false;
    }

    /** Health checks have noticed the failed node: the balancer stops sending to it. */
    public void detected(Node node) {
        if (node.state() == Node.State.FAILED) {
            deactivate(node);
            unseenDown.remove(node);
            counted();
        }
    }

    /** A failed node is back in service (repaired or failed over). */
    public void restore(Node node) {
        if (node.state() == Node.State.FAILED) {
            node.setState(Node.State.IN_SERVICE, sim.now());
            unseenDown.remove(node);
            if (!active.contains(node)) {
                activate(node);
            }
            counted();
        }
    }

    /** A failed node is given up (replaced by another launch): it stops being billed. */
    public void discard(Node node) {
        if (node.state() == Node.State.FAILED) {
            node.setState(Node.State.STOPPED, sim.now());
            deactivate(node);
            unseenDown.remove(node);
            if (stride > 1 && node.simulated()) {
                simulatedOwed++;
            }
            counted();
        }
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

    /** The CPU speed of this tier's nodes relative to the reference type. */
    public double cpuSpeed() {
        return cpuSpeed;
    }

    /** Every node launched so far, stopped ones included, in launch order. */
    public List<Node> nodes() {
        return nodes;
    }

    /** Nodes taking work now (a failed node stays here until detected). */
    public List<Node> active() {
        return active;
    }

    /** Nodes in a state, counted now. */
    public int count(Node.State state) {
        int n = 0;
        for (Node node : nodes) {
            if (node.state() == state) {
                n++;
            }
        }
        return n;
    }

    /**
     * Sends a visit of {@code serviceS} to the node the balancer picks; returns that node. With
     * no node in service the visit is refused at once.
     */
    public Node offer(double serviceS, Visit visit) {
        if (simActive.isEmpty()) {
            offers++;
            visit.departed(sim.now(), Outcome.REJECTED);
            return null;
        }
        Node node = pick();
        offerTo(node, serviceS, visit);
        return node;
    }

    /**
     * For a {@link #meanField()} tier, {@link #offer} at the instant of the last {@link #observeWeight()},
     * nothing having changed since: the balancer picks from the occupancies it observed.
     */
    public Node offerObserved(double serviceS, Visit visit) {
        if (simActive.isEmpty()) {
            return offer(serviceS, visit);
        }
        Node node = sampleCheck(simActive.get(meanFieldBalancer().pickObserved(balancerRng)));
        offerTo(node, serviceS, visit);
        return node;
    }

    /** The balancer of a {@link #meanField()} tier. */
    private MeanFieldTwoChoices meanFieldBalancer() {
        return (MeanFieldTwoChoices) balancer;
    }

    /** The node the balancer picks for the next visit; some node must be in service. */
    public Node pick() {
        return sampleCheck(simActive.get(balancer.pick(simActive.size(), load, balancerRng)));
    }

    /** {@code node}, picked by the balancer, or when it failed unseen another node in service for the share it stands for. */
    private Node sampleCheck(Node node) {
        if (stride > 1 && node.state() == Node.State.FAILED && sampleRng.nextDouble() >= node.failedShare()) {
            Node up = anotherInService();
            return up != null ? up : node;
        }
        return node;
    }

    /** A simulated node in service, drawn uniformly; null when there is none. */
    private Node anotherInService() {
        int n = simActive.size();
        int start = sampleRng.nextInt(n);
        for (int k = 0; k < n; k++) {
            Node node = simActive.get((start + k) % n);
            if (node.state() == Node.State.IN_SERVICE) {
                return node;
            }
        }
        return null;
    }

    /**
     * True when the balancer follows its mean-field limit over the sample ({@link MeanFieldTwoChoices}):
     * the background must then offer the sample {@link #observeWeight()} / nodes taking work of the tier's visits.
     */
    public boolean meanField() {
        return balancer instanceof MeanFieldTwoChoices;
    }

    /**
     * For a {@link #meanField()} tier, observes the simulated nodes taking work now, the instant of
     * a point process whose rate, known just before it, is {@code ratePerS} (the observation is
     * weighed 1 / rate, so the estimate is a time average), and returns their total weight; may
     * change {@link #maxWeight()}.
     */
    public double observeWeight(double ratePerS) {
        return meanFieldBalancer().observe(simActive.size(), load, 1 / ratePerS);
    }

    /**
     * For a {@link #meanField()} tier, a bound on the simulated nodes' total weight at every
     * instant from now to {@code untilS}, while they and the weights stay as they are: a node
     * weighs less the more it holds, and it holds at least the work it will still hold then
     * ({@link capsim.engine.station.Station#heldUntil}).
     */
    public double weightBoundUntil(double untilS) {
        MeanFieldTwoChoices b = meanFieldBalancer();
        double total = 0;
        for (Node node : simActive) {
            total += b.weight(node.station().heldUntil(untilS));
        }
        return total;
    }

    /** For a {@link #meanField()} tier, the weights' version: they are the same as long as this is. */
    public long weightsSet() {
        return meanFieldBalancer().estimates();
    }

    /** For a {@link #meanField()} tier, the largest weight a simulated node can have now. */
    public double maxWeight() {
        return meanFieldBalancer().maxWeight();
    }

    /** True when some simulated node takes work. */
    public boolean takesWork() {
        return !simActive.isEmpty();
    }

    /** Nodes of this tier can fail: work in flight on them may be lost, so requests confirm each visit. */
    public void markFallible() {
        fallible = true;
    }

    /** True when nodes of this tier can fail during the run. */
    public boolean fallible() {
        return fallible;
    }

    /**
     * Sends a visit of {@code serviceS} to a given node (e.g. a WebSocket node holding
     * recipients). A node that is down refuses it at once.
     */
    public void offerTo(Node node, double serviceS, Visit visit) {
        offers++;
        int period = periods.indexAt(sim.now());
        if (period >= 0) {
            recorders[period].offered(sim.now(), serviceS / cpuSpeed);
        }
        if (node.state() == Node.State.FAILED || node.state() == Node.State.STOPPED
                || !unseenDown.isEmpty() && sampleRng.nextDouble() * active.size() < unseenDown.size()) {
            visit.departed(sim.now(), Outcome.REJECTED);
            return;
        }
        node.followLoad(sim.now());
        node.station().offer(serviceS, visit);
    }

    /**
     * Records a visit, made for something that arrived in period {@code period} (-1: none), that
     * reached the tier at {@code arrivalS} and left at {@code departS}, served when {@code ok}.
     */
    public void recordVisit(int period, double arrivalS, double departS, boolean ok) {
        if (period >= 0) {
            recorders[period].visit(arrivalS, departS, ok);
        }
    }

    /** Counts a visit, made for something that arrived in period {@code period}, that was refused or gave up. */
    public void recordFailure(int period, boolean timeout) {
        if (period >= 0) {
            recorders[period].failure(timeout);
        }
    }

    /** Visits offered so far, measured or not (for request-count metrics). */
    public long offers() {
        return offers;
    }

    /** Busy server-seconds booked so far, measured or not (for CPU metrics). */
    public double busyTotalS() {
        return busyTotalS;
    }

    /** True when refusals came from the overload guard rather than a configured queue limit. */
    public boolean overflowed() {
        if (spec.queueLimit().isPresent()) {
            return false;
        }
        for (Node n : nodes) {
            if (n.station().rejected() > 0) {
                return true;
            }
        }
        return false;
    }

    /** The periods this tier records in. */
    public Periods periods() {
        return periods;
    }
}
