package capsim.experiments.cli;

import capsim.experiments.report.CatalogReport;
import capsim.models.catalog.Catalog;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code capsim catalog [--format text|json]}: lists the built-in node types with their numbers and sources. */
@Command(name = "catalog", mixinStandardHelpOptions = true,
        description = "List every built-in node type: vCPU, memory, hourly price, CPU speed, burst credits, provider"
                + " and the sources of its numbers.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:listed", "2:invalid option"})
final class CatalogCommand implements Callable<Integer> {
    /** How the list is printed. */
    enum OutputFormat { text, json }

    @Spec
    private CommandSpec command;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (a table, then each type's sources) or json; default: ${DEFAULT-VALUE}")
    private OutputFormat format;

    @Override
    public Integer call() {
        Catalog catalog = Catalog.builtIn();
        command.commandLine().getOut().print(format == OutputFormat.json ? CatalogReport.json(catalog)
                : CatalogReport.text(catalog));
        return ExitCode.OK;
    }
}
