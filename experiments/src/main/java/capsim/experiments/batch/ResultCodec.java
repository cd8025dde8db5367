package capsim.experiments.batch;

import capsim.engine.stats.LatencyRecorder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import capsim.models.system.ReplicationResult;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * A job's result as JSON text and back, exactly: records through Jackson (doubles in their
 * shortest round-trip form, maps in their order), each {@link LatencyRecorder} as its clamped
 * count, its exact sum and its histogram in HdrHistogram's compressed encoding (base64). Reading
 * back what was written gives a result whose every number, percentile and sum is the same.
 */
public final class ResultCodec {
    /** Bumped whenever the stored form changes; a stored job of another format is run again. */
    static final int FORMAT = 3;

    private final ObjectMapper mapper;

    public ResultCodec() {
        SimpleModule recorders = new SimpleModule("latency-recorders");
        recorders.addSerializer(LatencyRecorder.class, new RecorderSerializer());
        recorders.addDeserializer(LatencyRecorder.class, new RecorderDeserializer());
        mapper = new ObjectMapper().registerModule(new Jdk8Module()).registerModule(recorders)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    /** The stored text of {@code result} of the job with {@code key}. */
    public String write(String key, JobResult result) throws IOException {
        ObjectNode root = mapper.createObjectNode();
        root.put("format", FORMAT);
        root.put("key", key);
        root.put("wall_s", result.wallS());
        root.set("result", mapper.valueToTree(result.result()));
        return mapper.writeValueAsString(root) + "\n";
    }

    /** The result stored in {@code text} for the job with {@code key}; throws when it is not one. */
    public JobResult read(String key, String text) throws IOException {
        JsonNode root = mapper.readTree(text);
        if (root == null || root.path("format").asInt() != FORMAT || !key.equals(root.path("key").asText())) {
            throw new IOException("not a stored result of job " + key + " in format " + FORMAT);
        }
        return new JobResult(mapper.treeToValue(root.get("result"), ReplicationResult.class),
                root.get("wall_s").asDouble());
    }

    private static final class RecorderSerializer extends StdSerializer<LatencyRecorder> {
        private static final long serialVersionUID = 1L;

        RecorderSerializer() {
            super(LatencyRecorder.class);
        }

        @Override
        public void serialize(LatencyRecorder recorder, JsonGenerator out, SerializerProvider provider)
                throws IOException {
            Histogram h = recorder.histogram();
            ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
            int length = h.encodeIntoCompressedByteBuffer(buffer);
            out.writeStartObject();
            out.writeNumberField("clamped", recorder.clamped());
            out.writeNumberField("sum_us", recorder.sumMicros());
            out.writeStringField("histogram", Base64.getEncoder().encodeToString(
                    java.util.Arrays.copyOf(buffer.array(), length)));
            out.writeEndObject();
        }
    }

    private static final class RecorderDeserializer extends StdDeserializer<LatencyRecorder> {
        private static final long serialVersionUID = 1L;

        RecorderDeserializer() {
            super(LatencyRecorder.class);
        }

        @Override
        public LatencyRecorder deserialize(JsonParser in, DeserializationContext context) throws IOException {
            JsonNode node = in.readValueAsTree();
            try {
                Histogram h = Histogram.decodeFromCompressedByteBuffer(
                        ByteBuffer.wrap(Base64.getDecoder().decode(node.get("histogram").asText())), 0);
                return LatencyRecorder.restore(h, node.get("clamped").asLong(), node.get("sum_us").asLong());
            } catch (DataFormatException | RuntimeException e) {
                throw new IOException("unreadable latency histogram: " + e.getMessage(), e);
            }
        }
    }
}
