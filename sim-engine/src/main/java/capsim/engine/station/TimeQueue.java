package capsim.engine.station;

/**
 * A first-in-first-out queue of (time, tag) pairs whose times are appended in non-decreasing
 * order, in a growable ring of primitive arrays (no allocation once grown). Because the times
 * are sorted, "how many entries are still after time t" is answered by dropping the front.
 */
final class TimeQueue {
    private double[] times = new double[16];
    private long[] tags = new long[16];
    private int head;
    private int size;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** Appends an entry; {@code timeS} must not precede the last appended time. */
    void addLast(double timeS, long tag) {
        if (size == times.length) {
            grow();
        }
        int i = (head + size) & (times.length - 1);
        times[i] = timeS;
        tags[i] = tag;
        size++;
    }

    /**
     * Appends an entry with tag 0, first dropping the entries at or before {@code nowS} if the
     * ring is full: a queue that is only counted now and then stays as long as its entries after
     * {@code nowS}, not as long as everything ever appended.
     */
    void addLastAfter(double timeS, double nowS) {
        if (size == times.length) {
            dropUpTo(nowS);
        }
        addLast(timeS, 0);
    }

    /** Time of the first entry; undefined when empty. */
    double firstTime() {
        return times[head];
    }

    /** Tag of the first entry; undefined when empty. */
    long firstTag() {
        return tags[head];
    }

    void removeFirst() {
        head = (head + 1) & (times.length - 1);
        size--;
    }

    /** Drops every entry whose time is at or before {@code timeS}; returns how many remain. */
    int dropUpTo(double timeS) {
        while (size > 0 && times[head] <= timeS) {
            removeFirst();
        }
        return size;
    }

    /** How many entries lie after {@code timeS} (a binary search: the times are sorted). */
    int countAfter(double timeS) {
        int lo = 0;
        int hi = size;
        int mask = times.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[(head + mid) & mask] > timeS) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return size - lo;
    }

    private void grow() {
        int n = times.length;
        double[] t = new double[n * 2];
        long[] g = new long[n * 2];
        int firstPart = n - head;
        System.arraycopy(times, head, t, 0, firstPart);
        System.arraycopy(times, 0, t, firstPart, head);
        System.arraycopy(tags, head, g, 0, firstPart);
        System.arraycopy(tags, 0, g, firstPart, head);
        times = t;
        tags = g;
        head = 0;
    }
}
