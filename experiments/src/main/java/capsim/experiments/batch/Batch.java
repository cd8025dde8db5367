package capsim.experiments.batch;

import capsim.models.system.ModelRunner;
import capsim.models.system.ReplicationResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * Runs jobs on a fixed pool of threads (one simulation kernel per thread at a time). A job
 * already in the store is read back instead of run, a job met twice in one batch runs once; every
 * other job is saved the moment it finishes. Results come back in job order, so they depend neither on the number of threads nor
 * on which job finishes first; a stored result reads back exactly, so nor on whether the batch
 * was resumed.
 */
public final class Batch {
    private final int threads;
    private final JobStore store;
    private final BatchProgress progress;
    private final LongSupplier nanoClock;

    /** A batch on {@code threads} threads (>= 1), keeping its jobs in {@code store}. */
    public Batch(int threads, JobStore store, BatchProgress progress) {
        this(threads, store, progress, System::nanoTime);
    }

    /** As above, timing each job with {@code nanoClock} (tests use a still clock for byte-equal outputs). */
    public Batch(int threads, JobStore store, BatchProgress progress, LongSupplier nanoClock) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, was " + threads);
        }
        this.threads = threads;
        this.store = store;
        this.progress = progress;
        this.nanoClock = nanoClock;
    }

    /**
     * The result of every job, in the order given. Jobs with one key (the same resolved model and
     * replication, met at two points of a batch) are run once and share the result. A job that
     * fails stops the batch: no job starts after it, those finished stay stored, and the first
     * failure in job order is rethrown.
     */
    public List<JobResult> run(List<Job> jobs) {
        Map<String, Integer> firstOfKey = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            String key = jobs.get(i).key();
            keys.add(key);
            firstOfKey.putIfAbsent(key, i);
        }
        Map<String, Optional<JobResult>> stored = new LinkedHashMap<>();
        firstOfKey.keySet().forEach(key -> stored.put(key, store.load(key)));
        int distinct = firstOfKey.size();
        int done = (int) stored.values().stream().filter(Optional::isPresent).count();
        progress.start(distinct, done);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, distinct - done)),
                runnable -> {
                    Thread t = new Thread(runnable, "capsim-job");
                    t.setDaemon(true);
                    return t;
                });
        try {
            Map<String, Future<JobResult>> futures = new LinkedHashMap<>();
            AtomicBoolean failed = new AtomicBoolean();
            firstOfKey.forEach((key, i) -> {
                Optional<JobResult> before = stored.get(key);
                futures.put(key, before.isPresent() ? CompletableFuture.completedFuture(before.get())
                        : pool.submit(() -> runAndStore(jobs.get(i), key, failed)));
            });
            List<JobResult> results = new ArrayList<>();
            for (String key : keys) {
                results.add(futures.get(key).get());
            }
            return List.copyOf(results);
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running jobs", e);
        } finally {
            pool.shutdownNow();
            progress.close();
        }
    }

    /** The replication results of {@link #run}, without the timings. */
    public List<ReplicationResult> results(List<Job> jobs) {
        return run(jobs).stream().map(JobResult::result).toList();
    }

    private JobResult runAndStore(Job job, String key, AtomicBoolean failed) throws IOException {
        if (failed.get()) {
            throw new CancellationException("another job failed");
        }
        try {
            long start = nanoClock.getAsLong();
            ReplicationResult result = new ModelRunner(job.model()).run(job.replication());
            JobResult done = new JobResult(result, (nanoClock.getAsLong() - start) / 1e9);
            store.save(key, done);
            progress.finished(job);
            return done;
        } catch (IOException | RuntimeException | Error e) {
            failed.set(true);
            throw e;
        }
    }

    private static RuntimeException rethrow(Throwable cause) {
        if (cause instanceof RuntimeException e) {
            throw e;
        }
        if (cause instanceof Error e) {
            throw e;
        }
        if (cause instanceof IOException e) {
            throw new UncheckedIOException("cannot store a finished job: " + e.getMessage(), e);
        }
        return new IllegalStateException("job failed", cause);
    }
}
