package capsim.experiments.cli;

import capsim.models.spec.ModelSpec;
import capsim.models.spec.RunSpec;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options of {@code run} and {@code gate}: where to write, and overrides of the model's {@code run:} block. */
public final class RunOptions {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Folder for summary.json and timeseries.csv (default: results/NAME/ in the current folder).")
    private Optional<Path> out;

    @Option(names = "--replications", paramLabel = "N", description = "Independent replications (>= 1).")
    private Optional<Integer> replications;

    @Option(names = "--duration-s", paramLabel = "S", description = "Measured simulated seconds per replication (> 0).")
    private Optional<Double> durationS;

    @Option(names = "--warmup-s", paramLabel = "S", description = "Simulated seconds discarded first (>= 0).")
    private Optional<Double> warmupS;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the random streams.")
    private Optional<Long> seed;

    @Option(names = "--fidelity", paramLabel = "MODE", converter = FidelityConverter.class,
            description = "full | sampled | auto: simulate every node, or a sample of the nodes of large tiers "
                    + "(default: the model's run.fidelity, else auto).")
    private Optional<RunSpec.Fidelity> fidelity;

    @Option(names = "--threads", paramLabel = "N",
            description = "Replications run side by side (default: available processors).")
    private Optional<Integer> threads;

    /** Rejects out-of-range values as usage errors. */
    void validate() {
        replications.filter(n -> n < 1).ifPresent(n -> fail("--replications must be at least 1, was " + n));
        durationS.filter(s -> !(s > 0) || s.isInfinite()).ifPresent(s -> fail("--duration-s must be > 0, was " + s));
        warmupS.filter(s -> !(s >= 0) || s.isInfinite()).ifPresent(s -> fail("--warmup-s must be >= 0, was " + s));
        threads.filter(n -> n < 1).ifPresent(n -> fail("--threads must be at least 1, was " + n));
    }

    /** The model with the command-line overrides of its run settings. */
    ModelSpec apply(ModelSpec spec) {
        RunSpec run = spec.run();
        return spec.withRun(new RunSpec(durationS.orElse(run.durationS()), warmupS.orElse(run.warmupS()),
                replications.orElse(run.replications()), seed.orElse(run.seed()),
                fidelity.orElse(run.fidelity()), run.precisionRelative(), run.maxReplications(), run.windowS()));
    }

    /** Threads for the replications. */
    int threads() {
        return threads.orElse(Runtime.getRuntime().availableProcessors());
    }

    /** The output folder for {@code spec}. */
    Path outDir(ModelSpec spec) {
        return outDir(spec.name());
    }

    /** The output folder: {@code --out}, else {@code results/NAME}. */
    Path outDir(String name) {
        return out.orElse(Path.of("results", name));
    }

    /** Reads {@code full}, {@code sampled} or {@code auto}. */
    static final class FidelityConverter implements picocli.CommandLine.ITypeConverter<RunSpec.Fidelity> {
        @Override
        public RunSpec.Fidelity convert(String value) {
            for (RunSpec.Fidelity f : RunSpec.Fidelity.values()) {
                if (f.name().equalsIgnoreCase(value)) {
                    return f;
                }
            }
            throw new picocli.CommandLine.TypeConversionException(
                    "expected full, sampled or auto, was '" + value + "'");
        }
    }

    private void fail(String message) {
        throw new ParameterException(command.commandLine(), message);
    }
}
