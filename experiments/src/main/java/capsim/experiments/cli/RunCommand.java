package capsim.experiments.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code capsim run MODEL}: simulates the model, prints the summary and writes it; 0 whatever the SLO verdicts. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Simulate the model, print a summary table and write DIR/summary.json and DIR/timeseries.csv.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:it ran (whatever the SLO verdicts)", "2:invalid input"})
final class RunCommand implements Callable<Integer> {
    @Spec
    private CommandSpec command;

    @Mixin
    private ModelArgument model;

    @Mixin
    private RunOptions options;

    @Override
    public Integer call() throws InvalidInputException {
        Experiment.prepare(model, options).run(command.commandLine().getOut(), command.commandLine().getErr());
        return ExitCode.OK;
    }
}
