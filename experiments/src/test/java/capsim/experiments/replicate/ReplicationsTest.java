package capsim.experiments.replicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import capsim.models.system.ReplicationResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ReplicationsTest {

    /* Replication 0 waits until 1..3 have finished, so on 4 threads it completes last; order must not change. */
    @Test
    void resultsComeBackInReplicationOrderWhateverFinishesFirst() {
        CountDownLatch othersDone = new CountDownLatch(3);
        List<ReplicationResult> results = Replications.run(4, 4, r -> {
            if (r == 0) {
                await(othersDone);
            } else {
                othersDone.countDown();
            }
            return result(r);
        });

        assertEquals(List.of(0, 1, 2, 3), results.stream().map(ReplicationResult::replication).toList());
    }

    @Test
    void oneThreadGivesTheSameOrder() {
        List<ReplicationResult> results = Replications.run(3, 1, ReplicationsTest::result);

        assertEquals(List.of(0, 1, 2), results.stream().map(ReplicationResult::replication).toList());
    }

    @Test
    void failureOfAReplicationIsRethrown() {
        IllegalStateException bug = new IllegalStateException("boom");

        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> Replications.run(3, 2, r -> {
            if (r == 1) {
                throw bug;
            }
            return result(r);
        }));

        assertSame(bug, thrown);
    }

    private static ReplicationResult result(int r) {
        return new ReplicationResult(r, 1, Map.of(), Map.of(), Optional.empty(), List.of(), r, 60);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("other replications did not finish");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
