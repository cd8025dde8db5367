package capsim.experiments.batch;

import capsim.experiments.report.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where finished jobs are kept: one file per job, {@code DIR/KEY.json}, written atomically as the
 * job finishes (a kill leaves either the whole file or none). A file that cannot be read back
 * (another format, damaged by hand) is treated as absent: the job runs again.
 */
public final class JobStore {
    private final Optional<Path> dir;
    private final ResultCodec codec = new ResultCodec();

    private JobStore(Optional<Path> dir) {
        this.dir = dir;
    }

    /** A store in folder {@code dir} (created when the first job is saved). */
    public static JobStore in(Path dir) {
        return new JobStore(Optional.of(dir));
    }

    /** A store that keeps nothing: every job runs. */
    public static JobStore none() {
        return new JobStore(Optional.empty());
    }

    /** The stored result of {@code job}, if there is a readable one. */
    public Optional<JobResult> load(Job job) {
        return load(job.key());
    }

    /** The stored result of the job whose {@link Job#key()} is {@code key}, if there is a readable one. */
    public Optional<JobResult> load(String key) {
        if (dir.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(codec.read(key, Files.readString(file(key))));
        } catch (IOException | RuntimeException e) { // absent (NoSuchFileException) or unreadable
            return Optional.empty();
        }
    }

    /** Stores {@code result} of the job whose {@link Job#key()} is {@code key}. */
    public void save(String key, JobResult result) throws IOException {
        if (dir.isPresent()) {
            AtomicFiles.writeString(file(key), codec.write(key, result));
        }
    }

    /** Deletes every stored job but those of {@code keep}, and any temporary file a kill left behind. */
    public void retainOnly(Collection<Job> keep) throws IOException {
        if (dir.isEmpty() || !Files.isDirectory(dir.get())) {
            return;
        }
        Set<Path> kept = keep.stream().map(j -> file(j.key()).getFileName()).collect(Collectors.toSet());
        List<Path> files;
        try (Stream<Path> all = Files.list(dir.get())) {
            files = all.filter(f -> !kept.contains(f.getFileName())).toList();
        }
        for (Path f : files) {
            String name = f.getFileName().toString();
            if (name.endsWith(".json") || name.endsWith(".tmp")) {
                Files.deleteIfExists(f);
            }
        }
    }

    private Path file(String key) {
        return dir.orElseThrow().resolve(key + ".json");
    }
}
