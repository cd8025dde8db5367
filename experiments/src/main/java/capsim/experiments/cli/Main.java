package capsim.experiments.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The capsim command line (CONTRACT.md section 2). Exit status: 0 ok, 1 a gate failed, 2
 * invalid input (one line per problem, never a stack trace), 3 an internal error (a bug: the
 * stack trace is printed). The only place that calls {@code System.exit}.
 */
@Command(name = "capsim", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Discrete-event load and capacity simulator: will this plan meet its targets, and what will it"
                + " cost?",
        subcommands = {RunCommand.class, GateCommand.class, ValidateCommand.class, SweepCommand.class,
                CompareCommand.class, CatalogCommand.class, ReportCommand.class, CalibrateCommand.class, TuneCommand.class},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:ok", "1:gate: a target failed or regressed", "2:invalid input", "3:internal error (a bug)"})
public final class Main implements Callable<Integer> {
    @Spec
    private CommandSpec command;

    /** Runs capsim and exits with its status. */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true"); // charts are drawn off screen, also where a display exists
        CommandLine cli = commandLine(new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        int status;
        try {
            status = cli.execute(args);
        } catch (Error e) {
            status = internalError(e, cli.getErr());
        }
        cli.getOut().flush();
        cli.getErr().flush();
        System.exit(status);
    }

    /** The command line, printing to {@code out} and {@code err}; {@code execute(args)} returns the exit status. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler(usageError());
        cli.setExecutionExceptionHandler(failure());
        return cli;
    }

    @Override
    public Integer call() {
        throw new ParameterException(command.commandLine(),
                "missing command: run, gate, validate, sweep, compare, catalog or report");
    }

    /** A usage error: one line naming the problem and where help is, exit 2. */
    private static IParameterExceptionHandler usageError() {
        return (ParameterException e, String[] args) -> {
            CommandLine cli = e.getCommandLine();
            String message = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            cli.getErr().println("capsim: " + message + " (see '" + cli.getCommandSpec().qualifiedName()
                    + " --help')");
            cli.getErr().flush();
            return ExitCode.INVALID_INPUT;
        };
    }

    /** Invalid input found while running: its lines, exit 2; anything else is a bug: exit 3. */
    private static IExecutionExceptionHandler failure() {
        return (Exception e, CommandLine cli, ParseResult parsed) -> {
            if (e instanceof InvalidInputException invalid) {
                invalid.lines().forEach(cli.getErr()::println);
                cli.getErr().flush();
                return ExitCode.INVALID_INPUT;
            }
            return internalError(e, cli.getErr());
        };
    }

    private static int internalError(Throwable e, PrintWriter err) {
        err.println("capsim: internal error: " + e);
        e.printStackTrace(err);
        err.flush();
        return ExitCode.INTERNAL_ERROR;
    }

    /** The version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"capsim " + (version == null ? "(development build)" : version)};
        }
    }
}
