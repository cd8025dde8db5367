package capsim.benchmarks;

import capsim.engine.kernel.Event;
import capsim.engine.kernel.Simulation;
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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * How many events per second does the kernel fire? The classic hold model (Jones, "An
 * empirical comparison of priority-queue and event-set implementations", CACM 29(4), 1986):
 * {@value #PENDING} events are pending; each event, when it fires, schedules one more after an
 * exponential delay of mean 1 s, so the event list stays at {@value #PENDING} entries.
 * Baselines: the same loop written plainly on {@link PriorityQueue} of small event objects
 * ordered by (time, sequence), once allocating a new object per scheduled event and once
 * re-using the object just removed. Scores are events per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class HoldModelBenchmark {
    static final int PENDING = 10_000;
    /** Events fired per benchmark invocation. */
    static final int BATCH = 100_000;

    private KernelHold kernel;
    private PlainHold plain;
    private PlainHold plainReusing;

    @Setup(Level.Trial)
    public void setUp() {
        kernel = new KernelHold(new RandomStream(1));
        plain = new PlainHold(new RandomStream(1), false);
        plainReusing = new PlainHold(new RandomStream(1), true);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void simulation(Blackhole bh) {
        kernel.fire(BATCH);
        bh.consume(kernel.sim.now());
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void priorityQueueNewEvents(Blackhole bh) {
        bh.consume(plain.fire(BATCH));
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void priorityQueueReusedEvents(Blackhole bh) {
        bh.consume(plainReusing.fire(BATCH));
    }

    /** The hold model on the kernel: one event object, scheduled PENDING times over. */
    static final class KernelHold implements Event {
        final Simulation sim = new Simulation();
        private final RandomStream rng;
        private long fired;
        private long target;

        KernelHold(RandomStream rng) {
            this.rng = rng;
            for (int i = 0; i < PENDING; i++) {
                sim.schedule(rng.nextExponential(1), this);
            }
        }

        void fire(int events) {
            target = fired + events;
            sim.run();
        }

        @Override
        public void fire() {
            sim.scheduleAfter(rng.nextExponential(1), this);
            if (++fired == target) {
                sim.stop();
            }
        }
    }

    /** The hold model written out on java.util.PriorityQueue. */
    static final class PlainHold {
        private final PriorityQueue<PlainEvent> queue = new PriorityQueue<>(PENDING);
        private final RandomStream rng;
        private final boolean reuse;
        private long nextSeq;
        private double now;

        PlainHold(RandomStream rng, boolean reuse) {
            this.rng = rng;
            this.reuse = reuse;
            for (int i = 0; i < PENDING; i++) {
                queue.add(new PlainEvent(rng.nextExponential(1), nextSeq++, false));
            }
        }

        double fire(int events) {
            for (int i = 0; i < events; i++) {
                PlainEvent e = queue.poll();
                now = e.timeS;
                double next = now + rng.nextExponential(1);
                if (reuse) {
                    e.timeS = next;
                    e.seq = nextSeq++;
                    queue.add(e);
                } else {
                    queue.add(new PlainEvent(next, nextSeq++, false));
                }
            }
            return now;
        }
    }
}
