package capsim.models.workload;

import capsim.engine.capacity.Piece;
import capsim.engine.capacity.Stalls;
import capsim.engine.dist.Distribution;
import capsim.engine.random.RandomStream;
import java.util.Arrays;

/**
 * The stalls of a class's client ({@code client_stalls}): the client's own core stops at random
 * times (preempted, descheduled by its host) while the servers go on. The path is the same
 * alternating renewal process as a node's {@link Stalls}: up times Exp(mean 1 / rate) and stalls
 * of the given length, starting up at time 0, so the client is stalled a share r E[D] / (1 + r E[D])
 * of the time. A request whose intended start falls in a stall is issued at its end, and a reply
 * that arrives during a stall is received at its end; latency still counts from the intended start.
 *
 * <p>The path is drawn on demand from its own stream, in time order, so it does not depend on
 * when it is asked. It is asked about times no earlier than now minus a hop (an arrival's
 * intended start) and about times ahead (a departure an FCFS station knows on arrival); stalls
 * that ended more than {@link #KEEP_S} before the latest query's floor are dropped.
 */
final class ClientStalls {
    /** Stalls kept behind the earliest time still asked about, seconds (a margin). */
    static final double KEEP_S = 1;

    private final Stalls source;
    /** Stall i is [from[i], to[i]); the first {@code first} are dropped, {@code n} are held. */
    private double[] from = new double[16];
    private double[] to = new double[16];
    private int first;
    private int n;
    /** Where the path is drawn up to (the end of the last piece). */
    private double drawnS;

    ClientStalls(double ratePerS, Distribution durationS, RandomStream rng) {
        this.source = new Stalls(ratePerS, durationS, rng);
    }

    /**
     * When the client, asked at {@code timeS}, gets to it: the end of the stall holding
     * {@code timeS}, or {@code timeS} itself when the client is up then. {@code floorS} is the
     * earliest time any later call may ask about.
     */
    double resumeAt(double timeS, double floorS) {
        while (drawnS <= timeS) {
            Piece p = source.next();
            double end = drawnS + p.durationS();
            if (p.speed() == 0) {
                add(drawnS, end);
            }
            drawnS = end;
        }
        while (first < n && to[first] < floorS - KEEP_S) {
            first++;
        }
        // the last stall starting at or before timeS
        int i = Arrays.binarySearch(from, first, n, timeS);
        int k = i >= 0 ? i : -i - 2;
        return k >= first && timeS < to[k] ? to[k] : timeS;
    }

    private void add(double a, double b) {
        if (n == from.length) {
            if (first > 0) { // compact: drop the stalls already passed
                System.arraycopy(from, first, from, 0, n - first);
                System.arraycopy(to, first, to, 0, n - first);
                n -= first;
                first = 0;
            }
            if (n == from.length) {
                from = Arrays.copyOf(from, 2 * n);
                to = Arrays.copyOf(to, 2 * n);
            }
        }
        from[n] = a;
        to[n] = b;
        n++;
    }
}
