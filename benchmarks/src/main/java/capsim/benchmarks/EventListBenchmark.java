package capsim.benchmarks;

import capsim.engine.kernel.Event;
import capsim.engine.kernel.EventList;
import capsim.engine.kernel.QuaternaryHeapEventList;
import capsim.engine.kernel.TwoLevelEventList;
import capsim.engine.random.RandomStream;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What does the event list cost per event in a model's mix? A hold model on the list alone
 * (no kernel, no random numbers drawn while measuring): {@code pending} events are pending;
 * each removed event is added back, a fifth of the time after a short hop (1/10,000 of the
 * mean, so it is usually due before every other pending event: a request stepping to its next
 * tier) and otherwise after an exponential delay of mean 1 s. The delays are drawn beforehand
 * into a ring. Compared: the simulation's {@link TwoLevelEventList}, one
 * {@link QuaternaryHeapEventList}, and {@link PriorityQueue} of (time, sequence) event objects
 * re-using the removed one. Scores are events (one removal and one add) per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class EventListBenchmark {
    /** Events per benchmark invocation. */
    static final int BATCH = 100_000;
    /** Pre-drawn delays, a power of two. */
    static final int DELAYS = 1 << 16;
    static final double HOP_SHARE = 0.2;
    static final double HOP_S = 1e-4;

    /** Pending events: a model's main run holds a few dozen; a failure's backlog thousands. */
    @Param({"64", "10000"})
    public int pending;

    private final double[] delays = new double[DELAYS];
    private EventList twoLevel;
    private EventList heap;
    private PriorityQueue<PlainEvent> queue;
    private final Event event = () -> { };
    private long seq;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        RandomStream rng = new RandomStream(1);
        for (int i = 0; i < DELAYS; i++) {
            delays[i] = rng.nextDouble() < HOP_SHARE ? HOP_S * rng.nextDouble() : rng.nextExponential(1);
        }
        twoLevel = new TwoLevelEventList();
        heap = new QuaternaryHeapEventList();
        queue = new PriorityQueue<>(pending);
        for (int i = 0; i < pending; i++) {
            double t = rng.nextExponential(1);
            twoLevel.add(t, seq, event);
            heap.add(t, seq, event);
            queue.add(new PlainEvent(t, seq, false));
            seq++;
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public double twoLevelEventList() {
        return hold(twoLevel);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public double quaternaryHeap() {
        return hold(heap);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public double priorityQueue() {
        double now = 0;
        for (int i = 0; i < BATCH; i++) {
            PlainEvent e = queue.poll();
            now = e.timeS;
            e.timeS = now + delays[next++ & (DELAYS - 1)];
            e.seq = seq++;
            queue.add(e);
        }
        return now;
    }

    private double hold(EventList list) {
        double now = 0;
        for (int i = 0; i < BATCH; i++) {
            now = list.firstTime();
            Event e = list.removeFirst();
            list.add(now + delays[next++ & (DELAYS - 1)], seq++, e);
        }
        return now;
    }
}
