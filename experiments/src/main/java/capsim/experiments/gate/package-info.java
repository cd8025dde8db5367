/** The CI gate: SLO verdicts plus regressions against a baseline summary. */
package capsim.experiments.gate;
