package capsim.experiments.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;

/** Runs the capsim command line in-process and captures its exit status and output. */
record Cli(int status, String out, String err) {

    /** {@code capsim args...}. */
    static Cli run(String... args) {
        return run(Optional.empty(), args);
    }

    /** {@code capsim args...} with one more {@code @Command} object among the subcommands. */
    static Cli withCommand(Object extraCommand, String... args) {
        return run(Optional.of(extraCommand), args);
    }

    private static Cli run(Optional<Object> extraCommand, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintWriter outWriter = new PrintWriter(out, true);
        PrintWriter errWriter = new PrintWriter(err, true);
        CommandLine cli = Main.commandLine(outWriter, errWriter);
        extraCommand.ifPresent(command -> {
            cli.addSubcommand(command);
            cli.setOut(outWriter); // writers reach only the subcommands present when they are set
            cli.setErr(errWriter);
        });
        int status = cli.execute(args);
        cli.getOut().flush();
        cli.getErr().flush();
        return new Cli(status, out.toString(), err.toString());
    }

    /** The lines written to stderr. */
    List<String> errLines() {
        return err.lines().toList();
    }
}
