package capsim.experiments.gate;

import capsim.experiments.report.Formats;
import capsim.experiments.report.GateReport;
import capsim.experiments.report.RunResult;
import java.util.List;

/**
 * What {@code gate} renders: the run, and the verdict of every target against it and, with a
 * baseline, against the baseline ({@code tolerancePct} is the allowed regression).
 */
public record GateResult(RunResult run, List<GateRow> rows, boolean withBaseline, double tolerancePct) {
    public GateResult {
        rows = List.copyOf(rows);
    }

    /** Whether every target held and none regressed. */
    public boolean passed() {
        return rows.stream().allMatch(GateRow::ok);
    }

    /** The gate's own renderings: {@code gate}, the verdict table on the terminal. */
    public static Formats<GateResult> formats() {
        return Formats.<GateResult>none().with("gate", true, (g, to) -> {
            to.terminal().println();
            to.terminal().print(GateReport.render(g.rows(), g.withBaseline(), g.tolerancePct()));
        });
    }
}
