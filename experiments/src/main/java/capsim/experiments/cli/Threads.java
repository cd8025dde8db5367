package capsim.experiments.cli;

import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** {@code --threads N} of the batch commands: at least 1, by default the available processors. */
final class Threads {
    private Threads() {
    }

    static int of(CommandSpec command, Optional<Integer> threads) {
        threads.filter(n -> n < 1).ifPresent(n -> {
            throw new ParameterException(command.commandLine(), "--threads must be at least 1, was " + n);
        });
        return threads.orElse(Runtime.getRuntime().availableProcessors());
    }
}
