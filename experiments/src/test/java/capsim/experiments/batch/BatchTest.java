package capsim.experiments.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import capsim.models.catalog.Catalog;
import capsim.models.load.ModelException;
import capsim.models.load.ModelLoader;
import capsim.models.load.ModelOverride;
import capsim.models.spec.ModelSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job engine: results independent of threads, stored as they finish, resumed batches equal to whole ones. */
class BatchTest {
    static final String MM1 = """
            name: mm1
            run: {duration_s: 30, warmup_s: 3, replications: 4, seed: 5}
            workload:
              classes:
                - name: req
                  rate_per_s: 50
                  steps:
                    - {tier: app, service_ms: {dist: exponential, mean: 10}}
            tiers:
              - {name: app, node: t3.small, count: 1, workers: 1}
            slo:
              - {metric: classes.req.latency_ms.p99, max: 1000}
            """;

    @TempDir
    Path dir;

    static ModelSpec model(String text, String... overrides) throws ModelException {
        return new ModelLoader(Catalog.builtIn()).parse(text, "m.yaml", Path.of(""),
                Stream.of(overrides).map(ModelOverride::parse).toList());
    }

    /** A batch whose clock stands still, so that every job's wall time is 0 and outputs compare byte for byte. */
    private static Batch batch(int threads, JobStore store, BatchProgress progress) {
        return new Batch(threads, store, progress, () -> 0L);
    }

    private static List<String> texts(List<Job> jobs, List<JobResult> results) throws IOException {
        ResultCodec codec = new ResultCodec();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            texts.add(codec.write(jobs.get(i).key(), results.get(i)));
        }
        return texts;
    }

    @Test
    void resultsDoNotDependOnTheNumberOfThreads() throws Exception {
        List<Job> jobs = Job.replicationsOf(model(MM1));

        List<String> one = texts(jobs, batch(1, JobStore.none(), BatchProgress.none()).run(jobs));
        List<String> three = texts(jobs, batch(3, JobStore.none(), BatchProgress.none()).run(jobs));

        assertEquals(one, three);
        assertEquals(4, one.size());
        assertNotEquals(one.get(0).replace(jobs.get(0).key(), ""), one.get(1).replace(jobs.get(1).key(), ""),
                "replications differ");
    }

    /* A batch killed after two jobs, then run again, gives the bytes of a batch that ran straight through. */
    @Test
    void aResumedBatchEqualsAnUninterruptedOneByteForByte() throws Exception {
        List<Job> jobs = Job.replicationsOf(model(MM1));
        JobStore whole = JobStore.in(dir.resolve("whole"));
        JobStore resumed = JobStore.in(dir.resolve("resumed"));
        List<String> straight = texts(jobs, batch(2, whole, BatchProgress.none()).run(jobs));

        KillAfter killer = new KillAfter(2);
        assertThrows(IllegalStateException.class, () -> batch(1, resumed, killer).run(jobs));
        assertEquals(2, storedFiles(dir.resolve("resumed")).size(), "what finished before the kill is kept");
        CountingProgress counting = new CountingProgress();
        List<String> again = texts(jobs, batch(2, resumed, counting).run(jobs));

        assertEquals(2, counting.stored());
        assertEquals(2, counting.ran());
        assertEquals(straight, again);
        for (Path f : storedFiles(dir.resolve("whole"))) {
            assertEquals(Files.readString(f), Files.readString(dir.resolve("resumed").resolve(f.getFileName())));
        }
    }

    /* Replication 0 of one model met three times, at points that leave it unchanged: simulated once. */
    @Test
    void aJobMetTwiceInABatchRunsOnce() throws Exception {
        ModelSpec m = model(MM1, "run.replications=2", "run.duration_s=5");
        List<Job> jobs = List.of(new Job(m, 0), new Job(m, 1), new Job(model(MM1, "run.replications=2",
                "run.duration_s=5", "tiers.app.count=1"), 0), new Job(m.withSource("other.yaml"), 0));
        CountingProgress counting = new CountingProgress();

        List<JobResult> results = batch(2, JobStore.none(), counting).run(jobs);

        assertEquals(2, counting.ran());
        assertEquals(4, results.size());
        assertSame(results.get(0), results.get(2));
        assertSame(results.get(0), results.get(3));
        assertEquals(texts(jobs.subList(0, 2), batch(1, JobStore.none(), BatchProgress.none())
                .run(jobs.subList(0, 2))), texts(jobs.subList(0, 2), results.subList(0, 2)));
    }

    @Test
    void theKeyNamesTheResolvedModelTheReplicationAndNotTheFileName() throws Exception {
        ModelSpec base = model(MM1);
        Job job = new Job(base, 0);

        assertEquals(job.key(), new Job(base.withSource("elsewhere/m.yaml"), 0).key());
        assertEquals(job.key(), new Job(model(MM1, "tiers.app.count=1"), 0).key(), "an override that changes nothing");
        assertNotEquals(job.key(), new Job(base, 1).key());
        assertNotEquals(job.key(), new Job(model(MM1, "run.seed=6"), 0).key());
        assertNotEquals(job.key(), new Job(model(MM1, "workload.classes.req.rate_per_s=50.5"), 0).key());
    }

    /*
     * Only the bill tells t3.small from t3.medium (2 vCPUs, one processor, the same credit rates):
     * one key, and their replications, each run on its own, are the same bytes; so are a custom
     * type's at another price and memory. t3.large (other credit rates), another CPU speed or
     * other vCPUs are other keys.
     */
    @Test
    void modelsThatDifferOnlyInWhatTheyCostShareTheirJobs() throws Exception {
        String[] run = {"run.replications=2", "run.duration_s=5"};
        ModelSpec small = model(MM1, run);
        ModelSpec medium = model(MM1.replace("t3.small", "t3.medium"), run);
        String custom = MM1.replace("node: t3.small,", "node: custom, vcpu: 2, memory_gb: 4, hourly_usd: 0.1,");
        ModelSpec cheap = model(custom, run);
        ModelSpec dear = model(custom.replace("memory_gb: 4, hourly_usd: 0.1", "memory_gb: 16, hourly_usd: 0.9")
                + "cost:\n  lines:\n    - {name: support, usd_per_month: 100}\n", run);
        assertEquals(new Job(small, 0).key(), new Job(medium, 0).key());
        assertEquals(new Job(cheap, 1).key(), new Job(dear, 1).key());
        for (ModelSpec[] same : List.of(new ModelSpec[] {small, medium}, new ModelSpec[] {cheap, dear})) {
            for (int r = 0; r < 2; r++) {
                List<Job> a = List.of(new Job(same[0], r));
                List<Job> b = List.of(new Job(same[1], r));
                assertEquals(texts(a, batch(1, JobStore.none(), BatchProgress.none()).run(a)),
                        texts(b, batch(1, JobStore.none(), BatchProgress.none()).run(b)));
            }
        }
        assertNotEquals(new Job(small, 0).key(), new Job(model(MM1.replace("t3.small", "t3.large"), run), 0).key());
        assertNotEquals(new Job(small, 0).key(), new Job(model(MM1, "run.replications=2", "run.duration_s=5",
                "tiers.app.cpu_speed=1.2"), 0).key());
        assertNotEquals(new Job(cheap, 0).key(), new Job(model(custom.replace("vcpu: 2", "vcpu: 4"), run), 0).key());
    }

    @Test
    void retainOnlyDropsOtherJobsAndLeftoverTemporaryFiles() throws Exception {
        List<Job> jobs = Job.replicationsOf(model(MM1, "run.replications=2", "run.duration_s=5"));
        JobStore store = JobStore.in(dir);
        batch(1, store, BatchProgress.none()).run(jobs);
        Files.writeString(dir.resolve(".x.json123.tmp"), "half");

        store.retainOnly(jobs.subList(0, 1));

        assertEquals(List.of(dir.resolve(jobs.get(0).key() + ".json")), storedFiles(dir));
        assertTrue(store.load(jobs.get(0)).isPresent());
        assertTrue(store.load(jobs.get(1)).isEmpty());
    }

    @Test
    void anUnreadableStoredJobIsRunAgain() throws Exception {
        List<Job> jobs = Job.replicationsOf(model(MM1, "run.replications=1", "run.duration_s=5"));
        JobStore store = JobStore.in(dir);
        Files.writeString(dir.resolve(jobs.get(0).key() + ".json"), "{\"format\": 0}");
        CountingProgress counting = new CountingProgress();

        batch(1, store, counting).run(jobs);

        assertEquals(1, counting.ran());
        assertTrue(store.load(jobs.get(0)).isPresent());
    }

    private static List<Path> storedFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }
}
