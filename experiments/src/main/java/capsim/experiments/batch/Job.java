package capsim.experiments.batch;

import capsim.models.catalog.Catalog;
import capsim.models.spec.ClassSpec;
import capsim.models.spec.ModelSpec;
import capsim.models.system.SimulationInputs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One unit of batch work: replication {@code replication} (0-based) of {@code model}, the model
 * as resolved from its file with every override applied (run settings and seed included).
 */
public record Job(ModelSpec model, int replication) {
    public Job {
        if (replication < 0) {
            throw new IllegalArgumentException("replication must be >= 0, was " + replication);
        }
    }

    /** Replications 0 .. {@code run.replications} - 1 of {@code model}. */
    public static List<Job> replicationsOf(ModelSpec model) {
        return IntStream.range(0, model.run().replications()).mapToObj(r -> new Job(model, r)).toList();
    }

    /**
     * What names this job's result: a SHA-256 of the capsim build ({@link CodeVersion}), what the
     * model's replications depend on ({@link SimulationInputs}: every key and value but those that
     * only price it, and not the name of the file it came from; plus the contents of the trace
     * files it reads) and the replication. Two jobs with one key give the same result, so a batch
     * runs them once: points of a sweep that differ only in what they cost (t3.small against
     * t3.medium, a cost line, the budget) share their replications, and only their bills differ.
     */
    public String key() {
        MessageDigest sha = sha256();
        update(sha, "capsim job\n" + CodeVersion.current() + "\n" + SimulationInputs.of(model, Catalog.builtIn())
                + "\nreplication " + replication + "\n");
        for (ClassSpec c : model.workload().classes()) {
            c.arrival().file().ifPresent(file -> update(sha, traceOf(c, file)));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static String traceOf(ClassSpec c, Path file) {
        try {
            return "trace " + c.name() + "\n" + Files.readString(file) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void update(MessageDigest sha, String text) {
        sha.update(text.getBytes(StandardCharsets.UTF_8));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
