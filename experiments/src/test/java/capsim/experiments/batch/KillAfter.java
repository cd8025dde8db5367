package capsim.experiments.batch;

/** Stops a batch (as a kill would) once {@code after} jobs have finished; for resume tests. */
public final class KillAfter implements BatchProgress {
    private final int after;
    private int finished;

    public KillAfter(int after) {
        this.after = after;
    }

    @Override
    public void start(int total, int stored) {
    }

    @Override
    public synchronized void finished(Job job) {
        if (++finished >= after) {
            throw new IllegalStateException("killed");
        }
    }

    @Override
    public void close() {
    }
}
