package capsim.experiments.replicate;

import capsim.models.system.ReplicationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Runs independent replications side by side on a fixed thread pool (one kernel per thread)
 * and returns them in replication order, so the results do not depend on the number of
 * threads or on which one finishes first.
 */
public final class Replications {
    private Replications() {
    }

    /**
     * Runs replications 0..count-1 of {@code replication} on {@code threads} threads. A failure
     * of any replication is rethrown (the others are cancelled).
     */
    public static List<ReplicationResult> run(int count, int threads, IntFunction<ReplicationResult> replication) {
        if (count < 1 || threads < 1) {
            throw new IllegalArgumentException("count and threads must be >= 1: " + count + ", " + threads);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(count, threads), runnable -> {
            Thread t = new Thread(runnable, "capsim-replication");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<ReplicationResult>> futures = new ArrayList<>();
            for (int r = 0; r < count; r++) {
                int replicationIndex = r;
                futures.add(pool.submit(() -> replication.apply(replicationIndex)));
            }
            List<ReplicationResult> results = new ArrayList<>();
            for (Future<ReplicationResult> f : futures) {
                results.add(f.get());
            }
            return List.copyOf(results);
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running replications", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private static RuntimeException rethrow(Throwable cause) {
        if (cause instanceof RuntimeException e) {
            throw e;
        }
        if (cause instanceof Error e) {
            throw e;
        }
        return new IllegalStateException("replication failed", cause);
    }
}
