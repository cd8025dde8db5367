package capsim.experiments.cli;

import capsim.experiments.gate.Gate;
import capsim.experiments.gate.GateRow;
import capsim.experiments.gate.GateResult;
import capsim.experiments.report.Formats;
import capsim.experiments.report.RunFormats;
import capsim.experiments.report.RunResult;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code capsim gate MODEL}: runs, then every SLO must pass and, with a baseline, none may regress. */
@Command(name = "gate", mixinStandardHelpOptions = true,
        description = {"Run the model, then check every slo entry and, with --baseline, regressions.",
            "Formats: those of run, then gate (the verdicts on the terminal)."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:every target passed", "1:a target failed or regressed", "2:invalid input"})
final class GateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec command;

    @Mixin
    private ModelArgument model;

    @Mixin
    private RunOptions options;

    @Option(names = "--baseline", paramLabel = "SUMMARY.json",
            description = "A previous summary.json: an SLO metric worse than it by more than the tolerance fails.")
    private Optional<Path> baseline;

    @Option(names = "--tolerance-pct", paramLabel = "P", defaultValue = "10",
            description = "Allowed regression against the baseline, percent (default: ${DEFAULT-VALUE}).")
    private double tolerancePct;

    @Mixin
    private FormatOption format;

    @Override
    public Integer call() throws InvalidInputException {
        if (!(tolerancePct >= 0) || Double.isInfinite(tolerancePct)) {
            throw new ParameterException(command.commandLine(), "--tolerance-pct must be >= 0, was " + tolerancePct);
        }
        Experiment experiment = Experiment.prepare(model, options);
        Formats<GateResult> formats = format.pick(RunFormats.of(experiment.spec()).of(GateResult::run)
                .and(GateResult.formats()));
        Optional<JsonNode> before = Optional.empty();
        if (baseline.isPresent()) {
            before = Optional.of(readBaseline(baseline.get()));
        }
        PrintWriter out = command.commandLine().getOut();
        RunResult run = experiment.simulate(out, command.commandLine().getErr());
        List<GateRow> rows = Gate.evaluate(run.summary(), before, tolerancePct);
        GateResult result = new GateResult(run, rows, before.isPresent(), tolerancePct);
        experiment.write(formats, result, out);
        return result.passed() ? ExitCode.OK : ExitCode.GATE_FAILED;
    }

    private static JsonNode readBaseline(Path file) throws InvalidInputException {
        try {
            return Gate.readBaseline(file);
        } catch (IOException e) {
            throw new InvalidInputException("capsim: " + file + ": cannot read the baseline summary: "
                    + e.getMessage().lines().findFirst().orElse(e.toString()));
        }
    }
}
