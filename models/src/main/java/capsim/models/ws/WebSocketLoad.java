package capsim.models.ws;

import capsim.engine.dist.Deterministic;
import capsim.engine.dist.Distribution;
import capsim.engine.kernel.Event;
import capsim.engine.kernel.Lane;
import capsim.engine.kernel.Simulation;
import capsim.engine.random.RandomStream;
import capsim.engine.station.Outcome;
import capsim.engine.station.Visit;
import capsim.models.period.Periods;
import capsim.models.period.WebSocketRecorder;
import capsim.models.region.Origins;
import capsim.models.region.Regions;
import capsim.models.tier.Node;
import capsim.models.tier.Tier;
import capsim.models.workload.ArrivalProcess;
import java.util.List;
import java.util.Optional;

/**
 * WebSocket fan-out. {@code connections} are spread evenly over the ws tier's nodes taking
 * work, each holding at most {@code max_connections} (the rest are refused); when that set of
 * nodes changes (scaling, failure) the clients reconnect and are spread again. A published message
 * optionally passes the pub/sub tier, then reaches every node holding one of its
 * {@code fanout} recipients (distinct connections, chosen uniformly among those held, so a
 * node holding h of H connections gets a hypergeometric share), one network hop later.
 *
 * <p>Each (message, node) pair is one job on that node whose service is the sum of its
 * recipients' send times; the k-th recipient's delivery time is the job's start plus the first
 * k send times (for processor sharing, the job's elapsed time is spread in proportion to the
 * sends). One event per recipient would not scale to 100,000 connections.
 *
 * <p>With {@link Regions}, a message is published in a region drawn by share; the pub/sub node
 * is picked from there ({@link Regions#pick}), and a hop to a node in another region (to the
 * pub/sub node, or from where the fan-out starts to a ws node) takes the regions' latency.
 *
 * <p>A message, its deliveries and its visits record into the period it was published in. A
 * message is delivered once each of its (message, node) jobs delivered its copies, dropped when
 * one was lost (or no client was connected), and otherwise still under way.
 */
public final class WebSocketLoad {
    private final Simulation sim;
    private final Periods periods;
    private final WebSocketRecorder[] recorders;
    private final double hopS;
    private final Tier wsTier;
    private final Optional<Tier> pubsubTier;
    private final Optional<Distribution> pubsubMs;
    private final Distribution fanout;
    private final Distribution sendMs;
    private final RandomStream fanoutRng;
    private final RandomStream sendRng;
    private final RandomStream pubsubRng;
    private final long connections;
    private final long maxPerNode;
    private Node[] holders = new Node[0];
    private long[] held = new long[0];
    private long heldTotal;
    private long refusedMax;
    private int[] perNode = new int[0];
    private final boolean fcfs;
    private final NodeJob reusableJob = new NodeJob();
    /** The send time when it is a constant (no random draws), else null; its running sums, grown as needed. */
    private final Deterministic constantSendMs;
    private double[] constantSums = new double[0];
    /** Finished messages kept for reuse, linked through {@link Message#nextSpare}. */
    private Message spare;
    /** The model's regions and the stream of the messages' regions; null without regions (no draws). */
    private final Regions regions;
    private final Origins origins;
    /** The publish events (each books the next) and the fan-outs (one hop after the pub/sub tier's departures): in time order as a rule. */
    private final Lane publishLane;
    private final Lane fanOutLane;

    public WebSocketLoad(Simulation sim, Periods periods, double hopS, Tier wsTier, long connections,
                         long maxPerNode, Optional<Tier> pubsubTier, Optional<Distribution> pubsubMs,
                         Distribution fanout, Distribution sendMs, RandomStream fanoutRng, RandomStream sendRng,
                         RandomStream pubsubRng) {
        this(sim, periods, hopS, wsTier, connections, maxPerNode, pubsubTier, pubsubMs, fanout, sendMs, fanoutRng,
                sendRng, pubsubRng, Optional.empty());
    }

    /** As above, with the regions messages are published in. */
    public WebSocketLoad(Simulation sim, Periods periods, double hopS, Tier wsTier, long connections,
                         long maxPerNode, Optional<Tier> pubsubTier, Optional<Distribution> pubsubMs,
                         Distribution fanout, Distribution sendMs, RandomStream fanoutRng, RandomStream sendRng,
                         RandomStream pubsubRng, Optional<Origins> origins) {
        this.sim = sim;
        this.origins = origins.orElse(null);
        this.regions = origins.map(Origins::regions).orElse(null);
        this.periods = periods;
        this.recorders = periods.websocket();
        this.hopS = hopS;
        this.wsTier = wsTier;
        this.pubsubTier = pubsubTier;
        this.pubsubMs = pubsubMs;
        this.fanout = fanout;
        this.sendMs = sendMs;
        this.constantSendMs = sendMs instanceof Deterministic d ? d : null;
        this.fanoutRng = fanoutRng;
        this.sendRng = sendRng;
        this.pubsubRng = pubsubRng;
        this.connections = connections;
        this.maxPerNode = maxPerNode;
        this.fcfs = wsTier.spec().discipline() == capsim.models.spec.TierSpec.Discipline.FCFS;
        this.publishLane = sim.lane();
        this.fanOutLane = sim.lane();
        redistribute();
        wsTier.onNodesChanged(this::redistribute);
    }

    /** Spreads the connections evenly over the nodes taking work, unless that set is unchanged. */
    private void redistribute() {
        List<Node> active = wsTier.active();
        if (sameHolders(active)) {
            return;
        }
        for (int i = 0; i < holders.length; i++) {
            holders[i].addConnections(-held[i]);
        }
        int n = active.size();
        holders = active.toArray(new Node[0]);
        held = new long[n];
        perNode = new int[n];
        long total = 0;
        for (int i = 0; i < n; i++) {
            long share = connections / n + (i < connections % n ? 1 : 0);
            held[i] = Math.min(share, maxPerNode);
            holders[i].addConnections(held[i]);
            total += held[i];
        }
        heldTotal = total;
        refusedMax = Math.max(refusedMax, connections - total);
    }

    private boolean sameHolders(List<Node> active) {
        if (active.size() != holders.length) {
            return false;
        }
        for (int i = 0; i < holders.length; i++) {
            if (active.get(i) != holders[i]) {
                return false;
            }
        }
        return holders.length > 0;
    }

    /**
     * Starts publishing messages at the times {@code arrivals} gives. The event of a message
     * published at t fires one hop later, when it reaches the pub/sub tier (or the ws nodes).
     */
    public void start(ArrivalProcess arrivals) {
        Event publish = new Event() {
            @Override
            public void fire() {
                double publishS = sim.now() - hopS;
                published(publishS);
                double next = arrivals.next(publishS);
                if (next != Double.POSITIVE_INFINITY) {
                    publishLane.schedule(next + hopS, this);
                }
            }
        };
        double first = arrivals.next(sim.now());
        if (first != Double.POSITIVE_INFINITY && connections > 0) {
            publishLane.schedule(first + hopS, publish);
        }
    }

    /**
     * One published message: when, in which period (-1: none), and its (message, node) jobs under
     * way; also its visit to the pub/sub tier, which fans it out one hop after it is served. A
     * finished message is kept for the next one ({@link #spare}), so publishing allocates nothing.
     */
    private final class Message implements Visit, Event {
        private double publishS;
        private int period;
        private int jobsUnderWay;
        private boolean lost;
        /** When it reached the pub/sub tier, and in which region (-1: none). */
        private double visitS;
        private int region;
        /** The next spare message while this one is spare. */
        private Message nextSpare;

        private Message reset(double publish, int inPeriod) {
            publishS = publish;
            period = inPeriod;
            jobsUnderWay = 0;
            lost = false;
            return this;
        }

        /** Arrives now at the pub/sub tier in {@code inRegion}. */
        private Message visiting(int inRegion) {
            visitS = sim.now();
            region = inRegion;
            return this;
        }

        @Override
        public void departed(double timeS, Outcome outcome) {
            Tier pubsub = pubsubTier.get();
            if (outcome == Outcome.SERVED) {
                pubsub.recordVisit(period, visitS, timeS, true);
                fanOutLane.schedule(timeS + hopS, this);
            } else {
                pubsub.recordFailure(period, outcome == Outcome.TIMED_OUT);
                if (period >= 0) {
                    recorders[period].failed(recipients());
                }
                finished(this, true);
            }
        }

        @Override
        public void fire() {
            fanOut(this, region);
        }
    }

    /** A message published at {@code publishS} in period {@code period}: a spare one when there is. */
    private Message message(double publishS, int period) {
        Message m = spare;
        if (m == null) {
            m = new Message();
        } else {
            spare = m.nextSpare;
            m.nextSpare = null;
        }
        return m.reset(publishS, period);
    }

    /** Message {@code m} is done, {@code lost} or not; nothing refers to it any more, so it is kept as a spare. */
    private void finished(Message m, boolean lost) {
        if (m.period >= 0) {
            recorders[m.period].finished(lost);
        }
        m.nextSpare = spare;
        spare = m;
    }

    /** One (message, node) job of {@code m} is done; the message is when it was the last. */
    private void jobDone(Message m, boolean lost) {
        m.lost |= lost;
        if (--m.jobsUnderWay == 0) {
            finished(m, m.lost);
        }
    }

    /** A message published at {@code publishS} arrives now at its first hop. */
    private void published(double publishS) {
        int period = periods.indexAt(publishS);
        Message m = message(publishS, period);
        if (period >= 0) {
            recorders[period].published();
        }
        int origin = origins == null ? -1 : origins.draw();
        if (pubsubTier.isEmpty()) {
            fanOut(m, origin);
            return;
        }
        Tier pubsub = pubsubTier.get();
        double serviceS = pubsubMs.get().sample(pubsubRng) / 1000.0;
        if (regions == null || pubsub.active().isEmpty()) {
            pubsub.offer(serviceS, m.visiting(origin));
            return;
        }
        Node node = regions.pick(pubsub, origin);
        int region = regions.regionOf(node);
        double delayS = regions.extraS(origin, region);
        Event arrive = () -> pubsub.offerTo(node, serviceS, m.visiting(region));
        if (delayS > 0) {
            sim.schedule(sim.now() + delayS, arrive);
        } else {
            arrive.fire();
        }
    }

    /** Recipients of one message: a fan-out sample, at least 1, at most the connections held. */
    private long recipients() {
        long k = Math.round(fanout.sample(fanoutRng));
        return Math.max(1, Math.min(k, heldTotal));
    }

    /**
     * Sends message {@code m} from region {@code fromRegion} (-1: none) to its recipients; with no
     * client connected, it is dropped.
     */
    private void fanOut(Message m, int fromRegion) {
        if (heldTotal == 0) {
            finished(m, true);
            return;
        }
        long k = recipients();
        int n = held.length;
        int[] chosen = perNode; // all 0 between fan-outs
        // k distinct recipients among the held connections (sampling without replacement): the
        // next one is on node i with probability (held[i] - already chosen there) / connections left
        // (the node of the u-th connection left is the number of nodes before it, each counted
        // without a branch on the random u: a data-dependent branch would mispredict)
        long left = heldTotal;
        for (long r = 0; r < k; r++) {
            long u = Math.min((long) (fanoutRng.nextDouble() * left), left - 1);
            int i = 0;
            long before = 0;
            for (int j = 0; j < n - 1; j++) {
                before += held[j] - chosen[j];
                i += u >= before ? 1 : 0;
            }
            chosen[i]++;
            left--;
        }
        for (int i = 0; i < n; i++) {
            m.jobsUnderWay += chosen[i] > 0 ? 1 : 0; // one job a node; all counted before the first can end
        }
        for (int i = 0; i < n; i++) {
            int count = chosen[i];
            if (count > 0) {
                chosen[i] = 0;
                double delayS = fromRegion < 0 ? 0 : regions.extraS(fromRegion, regions.regionOf(holders[i]));
                if (delayS > 0) {
                    Node node = holders[i];
                    sim.schedule(sim.now() + delayS, () -> send(m, node, count));
                } else {
                    send(m, holders[i], count);
                }
            }
        }
    }

    /** Message {@code m}'s {@code recipients} sends arrive now at {@code node}. */
    private void send(Message m, Node node, int recipients) {
        // FCFS tells the outcome during offer(), so one job object serves every node
        NodeJob job = fcfs ? reusableJob : new NodeJob();
        job.prepare(m, sim.now(), recipients);
        wsTier.offerTo(node, job.totalS(), job);
    }

    /** One message's sends on one node: recipient j is served after the first j+1 send times. */
    private final class NodeJob implements Visit {
        private Message message;
        private double publishS;
        private int period;
        private double visitS;
        /** The running sums of the send times: the shared ones of a constant send time, or {@link #ownSums}. */
        private double[] cumulativeSendS;
        private double[] ownSums;
        private int recipients;

        void prepare(Message m, double visit, int count) {
            message = m;
            publishS = m.publishS;
            period = m.period;
            visitS = visit;
            recipients = count;
            if (constantSendMs != null) {
                cumulativeSendS = constantSums(count);
                return;
            }
            if (ownSums == null || ownSums.length < count) {
                ownSums = new double[Math.max(count, ownSums == null ? 16 : 2 * ownSums.length)];
            }
            cumulativeSendS = ownSums;
            double sum = 0;
            for (int j = 0; j < count; j++) {
                sum += sendMs.sample(sendRng) / 1000.0;
                cumulativeSendS[j] = sum;
            }
        }

        double totalS() {
            return cumulativeSendS[recipients - 1];
        }

        @Override
        public void departed(double timeS, Outcome outcome) {
            if (outcome != Outcome.SERVED) {
                wsTier.recordFailure(period, outcome == Outcome.TIMED_OUT);
                if (period >= 0) {
                    recorders[period].failed(recipients);
                }
                jobDone(message, true);
                return;
            }
            wsTier.recordVisit(period, visitS, timeS, true);
            if (period < 0) {
                jobDone(message, false); // nothing to record
                return;
            }
            if (!recorders[period].delivers(timeS)) {
                return; // unseen: its message stays under way
            }
            WebSocketRecorder recorder = recorders[period];
            double total = totalS();
            double elapsed = timeS - visitS;
            // FCFS: the job ran without interruption for its whole service before it left;
            // PS: its elapsed time is spread in proportion to the sends
            double[] sums = cumulativeSendS;
            if (fcfs) {
                double start = timeS - Math.min(total, elapsed);
                for (int j = 0; j < recipients; j++) {
                    recorder.delivered(start + sums[j] - publishS);
                }
            } else {
                double stretch = elapsed / total;
                for (int j = 0; j < recipients; j++) {
                    recorder.delivered(visitS + sums[j] * stretch - publishS);
                }
            }
            jobDone(message, false);
        }
    }

    /**
     * The first {@code count} running sums of the constant send time, summed one send at a time
     * as for any other send time (so the same values), computed once and shared by every job.
     */
    private double[] constantSums(int count) {
        if (constantSums.length < count) {
            double[] sums = new double[Math.max(count, 2 * constantSums.length)];
            double sendS = constantSendMs.value() / 1000.0;
            double sum = 0;
            for (int j = 0; j < sums.length; j++) {
                sum += sendS;
                sums[j] = sum;
            }
            constantSums = sums;
        }
        return constantSums;
    }

    /** The most connections refused at once (capacity below the connections). */
    public long refused() {
        return refusedMax;
    }
}
