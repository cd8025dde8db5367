/**
 * The capsim command line (picocli): {@code run}, {@code gate} and {@code validate}, one class
 * per command, the shared MODEL argument and run options as mixins, and {@link
 * capsim.experiments.cli.Main}, the only place that exits the JVM. Exit statuses follow
 * CONTRACT.md section 2: 0 ok, 1 gate failed, 2 invalid input, 3 a bug.
 */
package capsim.experiments.cli;
