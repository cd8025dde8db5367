package capsim.experiments.batch;

/** Counts, over every batch it hears, the jobs read back from the store and the jobs run; for resume tests. */
public final class CountingProgress implements BatchProgress {
    private int stored;
    private int ran;

    @Override
    public synchronized void start(int total, int storedJobs) {
        stored += storedJobs;
    }

    @Override
    public synchronized void finished(Job job) {
        ran++;
    }

    @Override
    public void close() {
    }

    /** Jobs read back from the store. */
    public synchronized int stored() {
        return stored;
    }

    /** Jobs simulated. */
    public synchronized int ran() {
        return ran;
    }
}
