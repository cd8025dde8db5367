package capsim.experiments.gate;

import capsim.experiments.report.Formats;
import capsim.experiments.report.GateJUnit;
import capsim.experiments.report.GateReport;
import capsim.experiments.result.RunResult;
import java.util.List;

/**
 * What {@code gate} renders: the run, and the verdict of every target against it and, with a
 * baseline, against the baseline by {@code rule}; {@code notes} say what the reader should know
 * (a baseline mismatch that was allowed).
 */
public record GateResult(RunResult run, List<GateRow> rows, boolean withBaseline, GateRule rule,
                         List<String> notes) {
    /** junit.xml: a test case per SLO and per regression check. */
    public static final String JUNIT_FILE = "junit.xml";
    /** gate.md: the verdict table in Markdown, for a pull-request comment. */
    public static final String MARKDOWN_FILE = "gate.md";

    public GateResult {
        rows = List.copyOf(rows);
        notes = List.copyOf(notes);
    }

    /** Whether every target held and none regressed. */
    public boolean passed() {
        return rows.stream().allMatch(GateRow::ok);
    }

    /**
     * The gate's own renderings: {@code gate}, the verdict table on the terminal; {@code junit},
     * junit.xml; {@code md}, gate.md.
     */
    public static Formats<GateResult> formats() {
        return Formats.<GateResult>none()
                .with("gate", true, (g, to) -> {
                    to.terminal().println();
                    to.terminal().print(GateReport.render(g.rows(), g.withBaseline(), g.rule()));
                })
                .with("junit", true, (g, to) -> to.text(JUNIT_FILE, out -> out.write(
                        GateJUnit.xml(g.run().summary().path("model").asText(), g.rows(), g.rule()))))
                .with("md", true, (g, to) -> to.text(MARKDOWN_FILE, out -> out.write(
                        GateReport.markdown(g.run().summary().path("model").asText(), g.rows(), g.withBaseline(),
                                g.rule(), g.notes()))));
    }
}
