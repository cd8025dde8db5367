package capsim.experiments.cli;

import capsim.experiments.gate.Comparability;
import capsim.experiments.gate.Gate;
import capsim.experiments.gate.GateResult;
import capsim.experiments.gate.GateRow;
import capsim.experiments.gate.GateRule;
import capsim.experiments.report.Formats;
import capsim.experiments.report.RunFormats;
import capsim.experiments.result.RunResult;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code capsim gate MODEL}: runs, then every SLO must pass and, with a baseline, none may have
 * regressed (see {@link Gate}); writes junit.xml and gate.md beside summary.json.
 */
@Command(name = "gate", mixinStandardHelpOptions = true,
        description = {"Run the model, then check every slo entry and, with --baseline, regressions: a metric"
                + " regressed when it is worse than the baseline by more than the tolerance and the change is"
                + " significant given both runs' replications. Uptime is compared as downtime minutes per month.",
            "Formats: those of run, then gate (the verdicts on the terminal), junit (junit.xml) and md (gate.md)."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:every target passed", "1:a target failed or regressed",
            "2:invalid input, or a baseline of another model or other run settings"})
final class GateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec command;

    @Mixin
    private ModelArgument model;

    @Mixin
    private RunOptions options;

    @Option(names = "--baseline", paramLabel = "SUMMARY.json",
            description = "A summary.json of the same model run with the same duration, warm-up and replications.")
    private Optional<Path> baseline;

    @Option(names = "--tolerance-pct", paramLabel = "P", defaultValue = "10",
            description = "Allowed worsening against the baseline, percent (default: ${DEFAULT-VALUE}).")
    private double tolerancePct;

    @Option(names = "--confidence-pct", paramLabel = "C", defaultValue = "99",
            description = "Confidence of the interval a change must clear to count (default: ${DEFAULT-VALUE}).")
    private double confidencePct;

    @Option(names = "--allow-mismatch",
            description = "Compare with a baseline of another model or other run settings anyway.")
    private boolean allowMismatch;

    @Option(names = "--known-failures",
            description = "A target the baseline missed too does not fail the gate (shown KNOWN FAIL); a new miss"
                    + " or a regression still does. Needs --baseline.")
    private boolean knownFailures;

    @Option(names = "--strict",
            description = "Fail on an UNCERTAIN target too (its 95%% interval contains the target).")
    private boolean strict;

    @Mixin
    private FormatOption format;

    @Override
    public Integer call() throws InvalidInputException {
        if (!(tolerancePct >= 0) || Double.isInfinite(tolerancePct)) {
            throw new ParameterException(command.commandLine(), "--tolerance-pct must be >= 0, was " + tolerancePct);
        }
        if (!(confidencePct > 0 && confidencePct < 100)) {
            throw new ParameterException(command.commandLine(),
                    "--confidence-pct must be between 0 and 100, was " + confidencePct);
        }
        if (knownFailures && baseline.isEmpty()) {
            throw new ParameterException(command.commandLine(), "--known-failures needs --baseline");
        }
        GateRule rule = new GateRule(tolerancePct, confidencePct / 100);
        Experiment experiment = Experiment.prepare(model, options);
        Formats<GateResult> formats = format.pick(RunFormats.of(experiment.spec()).of(GateResult::run)
                .and(GateResult.formats()));
        PrintWriter out = command.commandLine().getOut();
        Optional<JsonNode> before = Optional.empty();
        List<String> notes = new ArrayList<>();
        if (baseline.isPresent()) {
            JsonNode tree = readBaseline(baseline.get());
            List<String> problems = Comparability.problems(experiment.spec(), tree);
            if (!problems.isEmpty() && !allowMismatch) {
                List<String> lines = new ArrayList<>();
                problems.forEach(p -> lines.add("capsim: " + baseline.get() + ": " + p));
                lines.add("capsim: " + baseline.get() + ": not a baseline for this run of "
                        + experiment.spec().source() + " (--allow-mismatch compares anyway)");
                throw new InvalidInputException(lines);
            }
            problems.forEach(p -> notes.add("baseline mismatch allowed: " + p));
            notes.forEach(n -> out.println("capsim: warning: " + n));
            before = Optional.of(tree);
        }
        RunResult run = experiment.simulate(out, command.commandLine().getErr());
        List<GateRow> evaluated = Gate.evaluate(run.summary(), before, rule, strict);
        List<GateRow> rows = knownFailures ? Gate.acceptKnownFailures(evaluated, before.orElseThrow()) : evaluated;
        GateResult result = new GateResult(run, rows, before.isPresent(), rule, notes);
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
