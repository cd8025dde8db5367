package capsim.experiments.cli;

import capsim.experiments.report.Formats;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --format LIST}: which renderings of the result a command writes. */
public final class FormatOption {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(names = "--format", paramLabel = "LIST", split = ",",
            description = "Renderings to write, comma-separated (default: every one the command lists in its"
                    + " description; 'all' for all).")
    private List<String> picked = new ArrayList<>();

    /** The renderings picked from {@code all}; an unknown name is a usage error. */
    <R> Formats<R> pick(Formats<R> all) {
        try {
            return all.select(picked);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), "--format: " + e.getMessage());
        }
    }
}
