package capsim.experiments.cli;

import capsim.experiments.report.Destination;
import capsim.experiments.report.ResultsFolder;
import capsim.experiments.report.RunFormats;
import capsim.experiments.report.SweepFolder;
import capsim.experiments.report.SweepFormats;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code capsim report DIR}: redraws the charts and report.html of a results folder from its files alone. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Rebuild the charts and report.html of a results folder from the files in it, without"
                + " simulating: a run's (summary.json, timeseries.csv, scenarios.csv, uptime_windows.csv,"
                + " latency_cdf.csv, model.yaml) or a sweep's (sweep.json, points/NNN/summary.json).",
            "Formats: charts (PNG and SVG), html (report.html)."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:written", "2:not a readable results folder"})
final class ReportCommand implements Callable<Integer> {
    @Spec
    private CommandSpec command;

    @Parameters(index = "0", paramLabel = "DIR", description = "A results folder written by run, gate or sweep.")
    private Path dir;

    @Mixin
    private FormatOption format;

    @Override
    public Integer call() throws InvalidInputException {
        PrintWriter out = command.commandLine().getOut();
        Destination to = new Destination(dir, out);
        try {
            if (SweepFolder.is(dir)) {
                format.pick(SweepFormats.pictures()).write(SweepFolder.read(dir), to);
            } else {
                format.pick(RunFormats.pictures()).write(ResultsFolder.read(dir), to);
            }
        } catch (IOException e) {
            throw new InvalidInputException("capsim: " + e.getMessage());
        }
        Written.list(to, out);
        return ExitCode.OK;
    }
}
