package capsim.benchmarks;

import capsim.engine.kernel.Event;
import capsim.engine.kernel.Simulation;
import capsim.engine.random.RandomStream;
import capsim.engine.station.BusyListener;
import capsim.engine.station.FcfsStation;
import capsim.engine.stats.LatencyRecorder;
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
 * How many customers per second does an M/M/1 queue simulate, latency recording included?
 * Utilisation 0.9 (arrivals 900/s, service mean 1 ms); every response time, measured from
 * the arrival, goes into a {@link LatencyRecorder}. Measured: {@link Simulation} with a
 * {@link FcfsStation} (one event per customer: FCFS computes the departure on arrival).
 * Baseline: the textbook M/M/1 on {@link PriorityQueue}, with arrival and departure events
 * and a FIFO of arrival times. Scores are customers per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class Mm1Benchmark {
    static final double ARRIVAL_RATE_PER_S = 900;
    static final double MEAN_SERVICE_S = 0.001;
    /** Customers per benchmark invocation. */
    static final int BATCH = 100_000;

    private KernelMm1 kernel;
    private PlainMm1 plain;

    @Setup(Level.Trial)
    public void setUp() {
        kernel = new KernelMm1(new RandomStream(1), new RandomStream(2));
        plain = new PlainMm1(new RandomStream(1), new RandomStream(2));
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void simulationFcfsStation(Blackhole bh) {
        kernel.serve(BATCH);
        bh.consume(kernel.latency.count());
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void priorityQueue(Blackhole bh) {
        plain.serve(BATCH);
        bh.consume(plain.latency.count());
    }

    /** M/M/1 on the kernel: the arrival event offers each customer to the station. */
    static final class KernelMm1 implements Event {
        final LatencyRecorder latency = new LatencyRecorder();
        private final Simulation sim = new Simulation();
        private final FcfsStation station = new FcfsStation(sim, 1, Integer.MAX_VALUE,
                Double.POSITIVE_INFINITY, BusyListener.NONE);
        private final RandomStream arrivals;
        private final RandomStream service;
        private long customers;
        private long target;

        KernelMm1(RandomStream arrivals, RandomStream service) {
            this.arrivals = arrivals;
            this.service = service;
            sim.schedule(arrivals.nextExponential(1 / ARRIVAL_RATE_PER_S), this);
        }

        void serve(int n) {
            target = customers + n;
            sim.run();
        }

        @Override
        public void fire() {
            double arrivedS = sim.now();
            sim.scheduleAfter(arrivals.nextExponential(1 / ARRIVAL_RATE_PER_S), this);
            station.offer(service.nextExponential(MEAN_SERVICE_S),
                    (timeS, outcome) -> latency.recordSeconds(timeS - arrivedS));
            if (++customers == target) {
                sim.stop();
            }
        }
    }

    /** The textbook M/M/1 written out on java.util.PriorityQueue. */
    static final class PlainMm1 {
        final LatencyRecorder latency = new LatencyRecorder();
        private final PriorityQueue<PlainEvent> events = new PriorityQueue<>();
        private final RandomStream arrivals;
        private final RandomStream service;
        private double[] waiting = new double[1024]; // ring of arrival times, FIFO
        private int head;
        private int size;
        private long nextSeq;
        private boolean busy;

        PlainMm1(RandomStream arrivals, RandomStream service) {
            this.arrivals = arrivals;
            this.service = service;
            events.add(new PlainEvent(arrivals.nextExponential(1 / ARRIVAL_RATE_PER_S), nextSeq++, true));
        }

        void serve(int n) {
            int served = 0;
            while (served < n) {
                PlainEvent e = events.poll();
                double now = e.timeS;
                if (e.arrival) {
                    events.add(new PlainEvent(now + arrivals.nextExponential(1 / ARRIVAL_RATE_PER_S), nextSeq++, true));
                    push(now);
                    if (!busy) {
                        busy = true;
                        events.add(new PlainEvent(now + service.nextExponential(MEAN_SERVICE_S), nextSeq++, false));
                    }
                } else {
                    latency.recordSeconds(now - pop());
                    served++;
                    if (size > 0) {
                        events.add(new PlainEvent(now + service.nextExponential(MEAN_SERVICE_S), nextSeq++, false));
                    } else {
                        busy = false;
                    }
                }
            }
        }

        private void push(double t) {
            if (size == waiting.length) {
                double[] bigger = new double[size * 2];
                for (int i = 0; i < size; i++) {
                    bigger[i] = waiting[(head + i) % size];
                }
                waiting = bigger;
                head = 0;
            }
            waiting[(head + size) % waiting.length] = t;
            size++;
        }

        private double pop() {
            double t = waiting[head];
            head = (head + 1) % waiting.length;
            size--;
            return t;
        }
    }
}
