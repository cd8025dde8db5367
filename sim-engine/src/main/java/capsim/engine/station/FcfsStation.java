package capsim.engine.station;

import capsim.engine.capacity.CapacityPath;
import capsim.engine.kernel.Simulation;
import java.util.Objects;

/**
 * {@code c} identical servers in front of one first-come-first-served queue (G/G/c), with an
 * optional finite waiting room and impatient jobs.
 *
 * <p>FCFS fixes the order of service on arrival, so each job's start and departure are
 * computed when it arrives, without any event: the station keeps the time at which each server
 * becomes free (a binary min-heap), and a job starts at max(now, earliest free time) on that
 * server. This is the Kiefer-Wolfowitz workload-vector recursion (J. Kiefer and J. Wolfowitz,
 * "On the theory of queues with many servers", Trans. AMS 78, 1955). Start times are
 * non-decreasing in arrival order (both now and the earliest free time only grow), so the jobs
 * still waiting at any moment are a suffix of a FIFO of start times.
 *
 * <ul>
 *   <li>Waiting room: a job that would have to wait (start &gt; now) while {@code queueLimit}
 *       jobs are already waiting is {@link Outcome#REJECTED} at once. Waiting jobs include
 *       impatient ones that have not yet given up.</li>
 *   <li>Timeout: a job whose wait would exceed {@code timeoutS} gives up at
 *       arrival + {@code timeoutS} ({@link Outcome#TIMED_OUT}) and never takes a server. A wait
 *       of exactly {@code timeoutS} is served.</li>
 *   <li>Speed: a job's service time is its demand divided by the speed factor in force when it
 *       arrives (jobs already admitted keep their computed times).</li>
 *   <li>Capacity path: on top of the speed factor, the node's {@link CapacityPath} (regimes,
 *       stalls) stretches each job's service: a job starting at s with work w leaves at
 *       C^-1(C(s) + w). The path does not depend on the queue, so the departure is still known
 *       on arrival, departures stay non-decreasing in start time on each server, and the
 *       workload-vector recursion above holds unchanged. A stalled job holds its server.</li>
 *   <li>Wake-up: a job that finds its server idle starts after the server's {@link WakeUp}
 *       (after the time that server was idle); it counts as waiting meanwhile.</li>
 * </ul>
 *
 * <p>The {@link Visit} is told the departure (a future time) during {@link #offer}; the
 * {@link BusyListener} is told each served job's interval [start, departure) on one server.
 */
public final class FcfsStation implements Station {
    private final Simulation sim;
    private final int servers;
    private final int queueLimit;
    private final double timeoutS;
    private final BusyListener busy;
    /** Min-heap of the times at which each server becomes free. */
    private final double[] freeAtS;
    private final CapacityPath path;
    private final WakeUp wakeUp;
    /** Start times of admitted jobs that had to wait, in arrival (= start) order. */
    private final TimeQueue waitingStarts = new TimeQueue();
    /** Give-up times of impatient jobs, in arrival order. */
    private final TimeQueue givingUp = new TimeQueue();
    /**
     * What {@link #inSystem()} last counted, and until when that count holds: the first time after
     * it at which a server frees or a queue entry is due, or minus infinity once a job is offered.
     * Balancers that read every node's occupancy on every visit mostly read it here.
     */
    private int counted;
    private double countedUntilS = Double.NEGATIVE_INFINITY;
    private double speed = 1;
    private long served;
    private long rejected;
    private long timedOut;

    /**
     * @param servers    number of servers, >= 1
     * @param queueLimit jobs allowed to wait, >= 0 ({@link Integer#MAX_VALUE}: no limit)
     * @param timeoutS   longest wait before a job gives up, > 0 ({@link Double#POSITIVE_INFINITY}: never)
     * @param busy       told each served job's service interval
     */
    public FcfsStation(Simulation sim, int servers, int queueLimit, double timeoutS, BusyListener busy) {
        this(sim, servers, queueLimit, timeoutS, busy, CapacityPath.FULL);
    }

    /** As above, with the node's speed over time given by {@code path}. */
    public FcfsStation(Simulation sim, int servers, int queueLimit, double timeoutS, BusyListener busy,
                       CapacityPath path) {
        this(sim, servers, queueLimit, timeoutS, busy, path, WakeUp.NONE);
    }

    /** As above, each server waking up by {@code wakeUp} when a job finds it idle. */
    public FcfsStation(Simulation sim, int servers, int queueLimit, double timeoutS, BusyListener busy,
                       CapacityPath path, WakeUp wakeUp) {
        StationArgs.check(servers, queueLimit, timeoutS);
        this.path = Objects.requireNonNull(path, "path");
        this.wakeUp = Objects.requireNonNull(wakeUp, "wakeUp");
        this.sim = Objects.requireNonNull(sim, "sim");
        this.servers = servers;
        this.queueLimit = queueLimit;
        this.timeoutS = timeoutS;
        this.busy = Objects.requireNonNull(busy, "busy");
        this.freeAtS = new double[servers]; // all free at time 0
    }

    @Override
    public void offer(double serviceS, Visit visit) {
        StationArgs.checkService(serviceS);
        countedUntilS = Double.NEGATIVE_INFINITY; // an offer changes what inSystem() counts
        double now = sim.now();
        double startS = freeAtS[0] > now || wakeUp.none() ? Math.max(now, freeAtS[0])
                : now + wakeUp.afterIdle(now - freeAtS[0]);
        if (startS > now) {
            // the queues hold every job still waiting (and some gone): only when they could
            // reach the limit is it worth dropping those gone to count the rest
            if (waitingStarts.size() + givingUp.size() >= queueLimit && waiting(now) >= queueLimit) {
                rejected++;
                visit.departed(now, Outcome.REJECTED);
                return;
            }
            if (startS - now > timeoutS) {
                timedOut++;
                double giveUpS = now + timeoutS;
                givingUp.addLastAfter(giveUpS, now);
                visit.departed(giveUpS, Outcome.TIMED_OUT);
                return;
            }
            waitingStarts.addLastAfter(startS, now);
        }
        double departureS;
        if (path.full()) {
            departureS = startS + serviceS / speed;
        } else {
            path.forgetBefore(now);
            departureS = path.finishTime(startS, serviceS / speed);
        }
        replaceEarliestFreeAt(departureS);
        served++;
        busy.busy(startS, departureS, 1);
        visit.departed(departureS, Outcome.SERVED);
    }

    /** Sets the speed factor (service time = demand / factor) for jobs offered from now on; default 1. */
    @Override
    public void setSpeed(double factor) {
        speed = StationArgs.checkSpeed(factor);
    }

    /** The speed factor in force. */
    @Override
    public double speed() {
        return speed;
    }

    @Override
    public int servers() {
        return servers;
    }

    /** Busy servers plus waiting jobs at {@code sim.now()}. */
    @Override
    public int inSystem() {
        double now = sim.now();
        if (now < countedUntilS) {
            return counted; // nothing offered since, and no server freed nor wait ended
        }
        int busyServers = 0;
        double next = Double.POSITIVE_INFINITY;
        for (double t : freeAtS) {
            if (t > now) {
                busyServers++;
                next = Math.min(next, t);
            }
        }
        counted = busyServers + waiting(now);
        // the count holds until the next server frees or the next queue entry is due (each
        // queue's first entry is after now once waiting() dropped those due)
        if (!waitingStarts.isEmpty()) {
            next = Math.min(next, waitingStarts.firstTime());
        }
        if (!givingUp.isEmpty()) {
            next = Math.min(next, givingUp.firstTime());
        }
        countedUntilS = next;
        return counted;
    }

    /**
     * {@link #inSystem()} at {@code untilS} counted over the jobs here now: servers that free
     * after it, waiting jobs that start after it, impatient ones that give up after it. Each
     * count only falls with time, and an arrival only adds to it (it raises the earliest free
     * time, or waits), so the occupancy is at least this until then.
     */
    @Override
    public int heldUntil(double untilS) {
        return servers - freeBy(0, untilS) + waitingStarts.countAfter(untilS) + givingUp.countAfter(untilS);
    }

    /**
     * Servers in the free-time heap's subtree at {@code i} that are free by {@code untilS}: a
     * subtree whose root frees later holds none, so only the servers freeing by then are visited.
     */
    private int freeBy(int i, double untilS) {
        if (i >= servers || freeAtS[i] > untilS) {
            return 0;
        }
        return 1 + freeBy(2 * i + 1, untilS) + freeBy(2 * i + 2, untilS);
    }

    /** Booked service after now: the sum over servers of how long each stays busy from now. */
    @Override
    public double bookedAheadS() {
        double now = sim.now();
        double aheadS = 0;
        for (double t : freeAtS) {
            if (t > now) {
                aheadS += t - now;
            }
        }
        return aheadS;
    }

    /** Jobs served (admitted to a server) so far. */
    public long served() {
        return served;
    }

    @Override
    public long rejected() {
        return rejected;
    }

    @Override
    public long timedOut() {
        return timedOut;
    }

    /** Jobs waiting at time {@code now}: admitted but not started, or impatient and not yet gone. */
    private int waiting(double now) {
        return waitingStarts.dropUpTo(now) + givingUp.dropUpTo(now);
    }

    /** Replaces the heap's minimum with {@code t} and restores the heap (sift down). */
    private void replaceEarliestFreeAt(double t) {
        double[] h = freeAtS;
        int n = h.length;
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= n) {
                break;
            }
            if (child + 1 < n && h[child + 1] < h[child]) {
                child++;
            }
            if (t <= h[child]) {
                break;
            }
            h[i] = h[child];
            i = child;
        }
        h[i] = t;
    }
}
