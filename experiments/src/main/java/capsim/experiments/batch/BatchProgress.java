package capsim.experiments.batch;

/** Hears how a batch advances; called from the batch's threads. */
public interface BatchProgress {
    /** The batch has {@code total} jobs, of which {@code stored} were already done and are read back. */
    void start(int total, int stored);

    /** One more job has finished. */
    void finished(Job job);

    /** The batch is over (done or failed). */
    void close();

    /** Progress that nobody hears. */
    static BatchProgress none() {
        return new BatchProgress() {
            @Override
            public void start(int total, int stored) {
            }

            @Override
            public void finished(Job job) {
            }

            @Override
            public void close() {
            }
        };
    }
}
