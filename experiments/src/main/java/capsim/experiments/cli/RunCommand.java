package capsim.experiments.cli;

import capsim.experiments.report.Formats;
import capsim.experiments.report.RunFormats;
import capsim.experiments.result.RunResult;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code capsim run MODEL}: simulates the model, prints the summary and writes it; 0 whatever the SLO verdicts. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Simulate the model, print a summary table and write the results folder.",
            "Formats: table (the summary on the terminal), json (summary.json), csv (timeseries.csv, scenarios.csv,"
                + " latency_cdf.csv), model (model.yaml, the model run), charts (PNG), html (report.html)."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:it ran (whatever the SLO verdicts)", "2:invalid input"})
final class RunCommand implements Callable<Integer> {
    @Spec
    private CommandSpec command;

    @Mixin
    private ModelArgument model;

    @Mixin
    private RunOptions options;

    @Mixin
    private FormatOption format;

    @Override
    public Integer call() throws InvalidInputException {
        Experiment experiment = Experiment.prepare(model, options);
        Formats<RunResult> formats = format.pick(RunFormats.of(experiment.spec()));
        PrintWriter out = command.commandLine().getOut();
        experiment.write(formats, experiment.simulate(out, command.commandLine().getErr()), out);
        return ExitCode.OK;
    }
}
