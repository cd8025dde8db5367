package capsim.experiments.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import capsim.engine.stats.LatencyRecorder;
import capsim.experiments.summary.SummaryBuilder;
import capsim.models.catalog.Catalog;
import capsim.models.load.ModelLoader;
import capsim.models.load.ModelOverride;
import capsim.models.spec.ModelSpec;
import capsim.models.system.ModelRunner;
import capsim.models.system.OfferedLoad;
import capsim.models.system.ReplicationResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A stored result reads back exactly: every histogram, count, sum and window. */
class ResultCodecTest {
    private final ResultCodec codec = new ResultCodec();

    /*
     * stars-10k has WebSocket fan-out, autoscaling, CPU credits, cost lines and failure scenarios:
     * every part of a replication result. 20 simulated seconds are enough to fill them.
     */
    @Test
    void aSeedPlansResultsRoundTripToTheSameTextAndTheSameSummary() throws Exception {
        Catalog catalog = Catalog.builtIn();
        ModelSpec spec = new ModelLoader(catalog).load(Path.of("../models/plans/stars-10k.yaml"),
                List.of(ModelOverride.parse("run.duration_s=20"), ModelOverride.parse("run.warmup_s=5"),
                        ModelOverride.parse("run.replications=2")));
        List<ReplicationResult> original = List.of(new ModelRunner(spec).run(0), new ModelRunner(spec).run(1));
        assertFalse(original.get(0).scenarios().isEmpty(), "the plan's failure scenarios ran");

        List<ReplicationResult> back = new java.util.ArrayList<>();
        for (ReplicationResult r : original) {
            String text = codec.write("k", new JobResult(r, 1.25));
            JobResult read = codec.read("k", text);
            assertEquals(1.25, read.wallS());
            assertEquals(text, codec.write("k", read));
            back.add(read.result());
        }

        SummaryBuilder summaries = new SummaryBuilder(spec, OfferedLoad.of(spec, catalog), catalog);
        assertEquals(summaries.build(original, 0), summaries.build(back, 0));
    }

    @Test
    void aRecorderKeepsItsPercentilesMaxSumAndClampedCount() throws IOException {
        LatencyRecorder r = new LatencyRecorder();
        for (long us = 1; us <= 100_000; us += 7) {
            r.recordMicros(us * us % 9_999_991);
        }
        r.recordMicros(LatencyRecorder.HIGHEST_TRACKABLE_US + 5);
        ReplicationResult.WebSocketResult ws = new ReplicationResult.WebSocketResult(r, 3, 4, 1, 2, 1, 6);
        ReplicationResult result = new ReplicationResult(0, 10, java.util.Map.of(), java.util.Map.of(),
                java.util.Optional.of(ws), List.of(), 1, 1);

        LatencyRecorder back = codec.read("k", codec.write("k", new JobResult(result, 0))).result().websocket()
                .orElseThrow().delivery();

        assertEquals(r.count(), back.count());
        assertEquals(r.sumMicros(), back.sumMicros());
        assertEquals(1, back.clamped());
        assertEquals(r.maxMs(), back.maxMs());
        for (double p : new double[] {0, 50, 90, 99, 99.9, 100}) {
            assertEquals(r.percentileMs(p), back.percentileMs(p), "p" + p);
        }
        assertEquals(r.histogram(), back.histogram());
    }

    @Test
    void anotherJobsOrFormatsTextIsRefused() throws IOException {
        ReplicationResult empty = new ReplicationResult(0, 10, java.util.Map.of(), java.util.Map.of(),
                java.util.Optional.empty(), List.of(), 1, 1);
        String text = codec.write("k", new JobResult(empty, 0));

        assertThrows(IOException.class, () -> codec.read("other", text));
        String format = "\"format\":" + ResultCodec.FORMAT;
        assertThrows(IOException.class, () -> codec.read("k", text.replace(format, "\"format\":" + (ResultCodec.FORMAT
                + 1))));
        assertTrue(text.contains(format), text);
    }
}
