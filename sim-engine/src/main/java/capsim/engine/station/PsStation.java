package capsim.engine.station;

import capsim.engine.capacity.CapacityPath;
import capsim.engine.kernel.Event;
import capsim.engine.kernel.Simulation;
import java.util.Arrays;
import java.util.Objects;

/**
 * Processor sharing over {@code c} servers: with {@code n} jobs present each is served at rate
 * min(1, c/n) times the speed factor (egalitarian PS, Kleinrock, "Queueing Systems", vol. 2,
 * 1976, ch. 4; the multi-server form is the M/G/c-PS of Cohen, 1979).
 *
 * <p>Virtual time: since all jobs present are served at the same rate, the service attained
 * by every job since it arrived is a difference of one global counter V(t), dV/dt = rate(n).
 * A job arriving when V = v with demand w leaves when V reaches its finish tag v + w, so the
 * station keeps the tags in an indexed binary min-heap and schedules one departure event for
 * the smallest tag: an arrival or departure costs O(log n) and allocates nothing. When the
 * rate changes (an arrival, a departure, a timeout, a new speed) the pending departure is
 * cancelled and rescheduled, but only if its time actually changes.
 *
 * <ul>
 *   <li>Capacity: a job arriving while {@code n >= c + queueLimit} is {@link Outcome#REJECTED}.</li>
 *   <li>Timeout: a job not finished {@code timeoutS} after its arrival leaves
 *       {@link Outcome#TIMED_OUT} at that instant. Deadlines are arrival + timeoutS, hence in
 *       arrival order: a FIFO of deadlines and one timer event suffice.</li>
 *   <li>Busy time: {@code min(n, c)} servers are reported busy over every interval between
 *       state changes.</li>
 *   <li>Capacity path: the node's {@link CapacityPath} (regimes, stalls) multiplies the rate,
 *       so V grows by rate(n) times the path's work between state changes, and the next
 *       departure is C^-1(C(now) + (tag - V) / rate(n)). The path does not depend on the
 *       jobs, so it needs no events of its own and a pending departure stays valid while n and
 *       the speed factor do.</li>
 *   <li>Wake-up: a job that finds the node empty starts a {@link WakeUp}; until it ends V does
 *       not advance, and every departure is computed from its end.</li>
 * </ul>
 */
public final class PsStation implements Station {
    private final Simulation sim;
    private final int servers;
    private final int queueLimit;
    private final double timeoutS;
    private final BusyListener busy;
    private final Event departureEvent = this::depart;
    private final Event timeoutEvent = this::expire;
    private final CapacityPath path;
    private final WakeUp wakeUp;

    private double speed = 1;
    /** When the node last became empty, and when its current wake-up ends. */
    private double idleSinceS;
    private double awakeFromS = Double.NEGATIVE_INFINITY;
    /** Service attained by a job present throughout since V was last reset, full-speed seconds. */
    private double virtualS;
    private double lastChangeS;

    // jobs, by slot
    private double[] finishTag = new double[16];
    private long[] jobId = new long[16];
    private Visit[] visits = new Visit[16];
    private int[] heapPos = new int[16];
    private int[] freeSlots = new int[16];
    private int freeCount;
    private int slotsUsed;
    private long nextJobId;

    /** Indexed min-heap of slots by (finish tag, job id). */
    private int[] heap = new int[16];
    private int n;

    /**
     * (deadline, job key) of each admitted job, in arrival order; an entry is stale once its
     * job left. The key packs the slot with the slot's generation, bumped on every release, so
     * a reused slot is not mistaken for its former job (that would need 2^32 reuses of one slot
     * within one timeout).
     */
    private final TimeQueue deadlines = new TimeQueue();
    private int[] generation = new int[16];

    private long departureHandle = -1;
    /** Job id and rate the pending departure was computed for. */
    private long departureJobId;
    private double departureRate;
    private long timeoutHandle = -1;

    private long served;
    private long rejected;
    private long timedOut;

    /**
     * @param servers    number of servers, >= 1
     * @param queueLimit jobs allowed beyond {@code servers}, >= 0 ({@link Integer#MAX_VALUE}: no limit)
     * @param timeoutS   longest stay before a job gives up, > 0 ({@link Double#POSITIVE_INFINITY}: never)
     * @param busy       told busy servers over each interval between state changes
     */
    public PsStation(Simulation sim, int servers, int queueLimit, double timeoutS, BusyListener busy) {
        this(sim, servers, queueLimit, timeoutS, busy, CapacityPath.FULL);
    }

    /** As above, with the node's speed over time given by {@code path}. */
    public PsStation(Simulation sim, int servers, int queueLimit, double timeoutS, BusyListener busy,
                     CapacityPath path) {
        this(sim, servers, queueLimit, timeoutS, busy, path, WakeUp.NONE);
    }

    /** As above, waking up by {@code wakeUp} whenever a job finds the node empty. */
    public PsStation(Simulation sim, int servers, int queueLimit, double timeoutS, BusyListener busy,
                     CapacityPath path, WakeUp wakeUp) {
        StationArgs.check(servers, queueLimit, timeoutS);
        this.path = Objects.requireNonNull(path, "path");
        this.wakeUp = Objects.requireNonNull(wakeUp, "wakeUp");
        this.sim = Objects.requireNonNull(sim, "sim");
        this.servers = servers;
        this.queueLimit = queueLimit;
        this.timeoutS = timeoutS;
        this.busy = Objects.requireNonNull(busy, "busy");
        this.lastChangeS = sim.now();
        this.idleSinceS = sim.now();
    }

    @Override
    public void offer(double serviceS, Visit visit) {
        StationArgs.checkService(serviceS);
        Objects.requireNonNull(visit, "visit");
        advance();
        double now = sim.now();
        if ((long) n >= (long) servers + queueLimit) {
            rejected++;
            visit.departed(now, Outcome.REJECTED);
            return;
        }
        if (n == 0 && !wakeUp.none()) {
            awakeFromS = Math.max(awakeFromS, now + wakeUp.afterIdle(now - idleSinceS));
        }
        int slot = allocateSlot();
        long id = nextJobId++;
        finishTag[slot] = virtualS + serviceS;
        jobId[slot] = id;
        visits[slot] = visit;
        heapAdd(slot);
        if (timeoutS != Double.POSITIVE_INFINITY) {
            deadlines.addLast(now + timeoutS, key(slot));
            armTimer();
        }
        reschedule();
    }

    /** Sets the speed factor (every job present and future is served at rate x factor); default 1. */
    @Override
    public void setSpeed(double factor) {
        double f = StationArgs.checkSpeed(factor);
        advance();
        speed = f;
        reschedule();
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

    @Override
    public int inSystem() {
        return n;
    }

    /** Jobs served to completion so far. */
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

    /** The departure event: the job with the smallest finish tag leaves. */
    private void depart() {
        departureHandle = -1;
        advance();
        int slot = heap[0];
        virtualS = Math.max(virtualS, finishTag[slot]); // absorb rounding of the scheduled time
        Visit visit = visits[slot];
        removeJob(slot);
        served++;
        reschedule();
        visit.departed(sim.now(), Outcome.SERVED);
    }

    /** The timer event: the oldest unfinished job whose deadline has come gives up. */
    private void expire() {
        timeoutHandle = -1;
        dropStaleDeadlines();
        double now = sim.now();
        if (deadlines.isEmpty() || deadlines.firstTime() > now) {
            armTimer();
            return;
        }
        advance();
        int slot = (int) deadlines.firstTag();
        Visit visit = visits[slot];
        removeJob(slot);
        timedOut++;
        reschedule();
        armTimer();
        visit.departed(now, Outcome.TIMED_OUT);
    }

    /** Brings the virtual clock and the busy-time report up to now. */
    private void advance() {
        double now = sim.now();
        double dt = now - lastChangeS;
        if (dt > 0 && n > 0) {
            double fromS = Math.max(lastChangeS, awakeFromS);
            if (now > fromS) {
                virtualS += rate() * (path.full() ? now - fromS : path.workBetween(fromS, now));
            }
            busy.busy(lastChangeS, now, Math.min(n, servers));
        }
        path.forgetBefore(lastChangeS);
        lastChangeS = now;
    }

    private double rate() {
        return n <= servers ? speed : speed * servers / n;
    }

    /** Makes the pending departure event match the smallest finish tag (or removes it when empty). */
    private void reschedule() {
        if (n == 0) {
            idleSinceS = sim.now();
            virtualS = 0; // nothing refers to V any more: restart it to keep precision
            if (departureHandle >= 0) {
                sim.cancel(departureHandle);
                departureHandle = -1;
            }
            return;
        }
        int first = heap[0];
        double r = rate();
        if (departureHandle >= 0) {
            if (jobId[first] == departureJobId && r == departureRate) {
                return; // same job at the same rate: the pending time still holds
            }
            sim.cancel(departureHandle);
        }
        departureJobId = jobId[first];
        departureRate = r;
        double workS = Math.max(0, finishTag[first] - virtualS) / r;
        double fromS = Math.max(sim.now(), awakeFromS);
        departureHandle = path.full() ? sim.schedule(fromS + workS, departureEvent)
                : sim.schedule(path.finishTime(fromS, workS), departureEvent);
    }

    /** Schedules the timer for the oldest deadline of a job still present, unless one is pending. */
    private void armTimer() {
        if (timeoutHandle >= 0) {
            return;
        }
        dropStaleDeadlines();
        if (!deadlines.isEmpty()) {
            timeoutHandle = sim.schedule(deadlines.firstTime(), timeoutEvent);
        }
    }

    private void dropStaleDeadlines() {
        while (!deadlines.isEmpty() && deadlines.firstTag() != key((int) deadlines.firstTag())) {
            deadlines.removeFirst();
        }
    }

    /** The deadline key of the job now in {@code slot}. */
    private long key(int slot) {
        return ((long) generation[slot] << 32) | slot;
    }

    // ---- job slots and the indexed heap ----

    private int allocateSlot() {
        if (freeCount > 0) {
            return freeSlots[--freeCount];
        }
        if (slotsUsed == finishTag.length) {
            int cap = slotsUsed * 2;
            finishTag = Arrays.copyOf(finishTag, cap);
            jobId = Arrays.copyOf(jobId, cap);
            visits = Arrays.copyOf(visits, cap);
            heapPos = Arrays.copyOf(heapPos, cap);
            freeSlots = Arrays.copyOf(freeSlots, cap);
            heap = Arrays.copyOf(heap, cap);
            generation = Arrays.copyOf(generation, cap);
        }
        return slotsUsed++;
    }

    private void removeJob(int slot) {
        heapRemove(slot);
        visits[slot] = null;
        generation[slot]++;
        freeSlots[freeCount++] = slot;
    }

    private boolean before(int a, int b) {
        double ta = finishTag[a];
        double tb = finishTag[b];
        return ta < tb || (ta == tb && jobId[a] < jobId[b]);
    }

    private void heapAdd(int slot) {
        int i = n++;
        heap[i] = slot;
        heapPos[slot] = i;
        siftUp(i);
    }

    private void heapRemove(int slot) {
        int i = heapPos[slot];
        int last = --n;
        if (i != last) {
            int moved = heap[last];
            heap[i] = moved;
            heapPos[moved] = i;
            siftDown(i);
            siftUp(heapPos[moved]);
        }
    }

    private void siftUp(int start) {
        int i = start;
        int slot = heap[i];
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            int p = heap[parent];
            if (!before(slot, p)) {
                break;
            }
            heap[i] = p;
            heapPos[p] = i;
            i = parent;
        }
        heap[i] = slot;
        heapPos[slot] = i;
    }

    private void siftDown(int start) {
        int i = start;
        int slot = heap[i];
        while (true) {
            int child = 2 * i + 1;
            if (child >= n) {
                break;
            }
            if (child + 1 < n && before(heap[child + 1], heap[child])) {
                child++;
            }
            int c = heap[child];
            if (!before(c, slot)) {
                break;
            }
            heap[i] = c;
            heapPos[c] = i;
            i = child;
        }
        heap[i] = slot;
        heapPos[slot] = i;
    }
}
