package capsim.experiments.cli;

import capsim.experiments.report.OfferedLoadReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code capsim validate MODEL}: checks the model and prints the offered load per tier, without simulating. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check the model file and print the offered load per tier, without simulating.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:valid", "2:invalid"})
final class ValidateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec command;

    @Mixin
    private ModelArgument model;

    @Override
    public Integer call() throws InvalidInputException {
        ModelArgument.Loaded loaded = model.load();
        CheckedModel checked = CheckedModel.check(loaded.spec(), loaded.catalog());
        command.commandLine().getOut().print(OfferedLoadReport.render(checked.spec(), checked.rates(),
                checked.loads()));
        return ExitCode.OK;
    }
}
