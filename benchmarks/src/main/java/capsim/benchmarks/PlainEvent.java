package capsim.benchmarks;

/**
 * The event of the plain baselines: a time, a tie-breaking sequence number and a kind flag,
 * ordered by (time, sequence) for {@link java.util.PriorityQueue}.
 */
final class PlainEvent implements Comparable<PlainEvent> {
    double timeS;
    long seq;
    final boolean arrival;

    PlainEvent(double timeS, long seq, boolean arrival) {
        this.timeS = timeS;
        this.seq = seq;
        this.arrival = arrival;
    }

    @Override
    public int compareTo(PlainEvent o) {
        int c = Double.compare(timeS, o.timeS);
        return c != 0 ? c : Long.compare(seq, o.seq);
    }
}
