package capsim.experiments.cli;

import capsim.experiments.calibrate.BadLogException;
import capsim.experiments.calibrate.Calibration;
import capsim.experiments.calibrate.Check;
import capsim.experiments.calibrate.ClientStallFit;
import capsim.experiments.calibrate.LoadFit;
import capsim.experiments.calibrate.LogFormat;
import capsim.experiments.calibrate.LogReader;
import capsim.experiments.calibrate.ServiceFit;
import capsim.experiments.calibrate.TxLog;
import capsim.experiments.report.AtomicFiles;
import capsim.models.load.ModelOverride;
import capsim.models.spec.ModelSpec;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code capsim calibrate}: fits a model of one server from load-test logs, or checks such a
 * model against measured runs (see {@link Calibration} and {@link Check}).
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"Fit a model of one server from a low-load run and the server's capacity:",
                "  calibrate --low LOG (--capacity-tps X | --capacity-log LOG) --out FRAGMENT.yaml",
                "or predict measured runs with it (each at its own rate) and compare:",
                "  calibrate --check FRAGMENT.yaml --at LOG [--at LOG ...] [--out DIR]"},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:fitted or checked", "2:invalid input (a bad or empty log names its file and line)"})
final class CalibrateCommand implements Callable<Integer> {
    @Spec
    private CommandSpec command;

    @Option(names = "--low", paramLabel = "LOG", description = "A low-load run's log (about 5% of capacity).")
    private Path low;

    @Option(names = "--capacity-tps", paramLabel = "X", description = "The server's capacity, transactions per second.")
    private Double capacityTps;

    @Option(names = "--capacity-log", paramLabel = "LOG",
            description = "An unthrottled run's log (per-transaction or pgbench's per-second aggregate).")
    private Path capacityLog;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "pgbench, jmeter or csv (start_s,latency_ms); default: from the content.")
    private String format;

    @Option(names = "--check", paramLabel = "FRAGMENT", description = "A fitted model to check.")
    private Path check;

    @Option(names = "--at", paramLabel = "LOG", description = "A measured run to predict (repeatable).")
    private List<Path> at = new ArrayList<>();

    @Option(names = "--out", paramLabel = "PATH",
            description = "Fitting: the fragment to write. Checking: the folder for check.json (optional).")
    private Path out;

    @Option(names = "--without-interference",
            description = "Fitting: leave regimes and stalls out (the server at the capacity run's mean throughput).")
    private boolean withoutInterference;

    @Option(names = "--client-stalls",
            description = "Fitting: add the client's own stalls, from the low-load log's schedule lags (pgbench --rate).")
    private boolean clientStalls;

    @Option(names = "--load-dependence",
            description = "Fitting: let the server's demand grow as its load falls, where the low-load run shows it higher than at capacity.")
    private boolean loadDependence;

    @Option(names = "--replications", paramLabel = "N",
            description = "Checking: replications per measured run (default: the fragment's).")
    private Integer replications;

    @Option(names = "--threads", paramLabel = "N", description = "Replications run side by side (default 1).")
    private int threads = 1;

    @Override
    public Integer call() throws InvalidInputException {
        if (replications != null && replications < 2) {
            throw new InvalidInputException("capsim: --replications must be >= 2, was " + replications);
        }
        if (threads < 1) {
            throw new InvalidInputException("capsim: --threads must be >= 1, was " + threads);
        }
        PrintWriter o = command.commandLine().getOut();
        if (check != null) {
            return check(o);
        }
        if (low == null || out == null || (capacityTps == null) == (capacityLog == null)) {
            throw new InvalidInputException("capsim: calibrate needs --low LOG, exactly one of --capacity-tps X and"
                    + " --capacity-log LOG, and --out FRAGMENT.yaml (or --check FRAGMENT --at LOG)");
        }
        if (capacityTps != null && !(capacityTps > 0 && Double.isFinite(capacityTps))) {
            throw new InvalidInputException("capsim: --capacity-tps must be > 0, was " + capacityTps);
        }
        long start = System.nanoTime();
        TxLog lowLog = read(low);
        Calibration fitted = capacityTps != null ? Calibration.withCapacity(lowLog, capacityTps)
                : withCapacityLog(lowLog, read(capacityLog));
        Calibration stalled = clientStalls ? fitted.withClientStalls() : fitted;
        Calibration c = loadDependence ? stalled.withLoadDependence() : stalled;
        String name = out.getFileName().toString().replaceAll("\\.(ya?ml|json)$", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9-]+", "-").replaceAll("^-+|-+$", "");
        try {
            AtomicFiles.writeString(out, c.fragment(name.isEmpty() ? "calibrated" : name));
        } catch (IOException e) {
            throw new InvalidInputException("capsim: cannot write " + out + ": " + e.getMessage());
        }
        o.printf(Locale.ROOT, "read %s: %d transactions, %.1f tps%n", low, lowLog.size(), lowLog.ratePerS());
        for (ServiceFit f : c.fits()) {
            o.printf(Locale.ROOT, "  %-9s mean %.4g ms, cv %.3g, KS distance %.4f%n", f.dist(), f.mean(), f.cv(), f.ks());
        }
        c.wakeUp().ifPresent(w -> o.printf(Locale.ROOT, "  wake-up: lone latency %.4g ms + %.4g ms x (1 - e^(-idle /"
                + " %.4g ms)), %.1f SE; duration mean %.4g ms, p90 %.4g ms%n", w.baseMs(), w.slopeMs(), w.idleScaleMs(),
                w.slopeT(), w.meanMs(), w.quantilesMs()[89]));
        c.clientStalls().ifPresent(s -> o.printf(Locale.ROOT, "  client stalls: %.3g%% sent over %.2g ms late; stall"
                + " %s mean %.4g ms, cv %.3g, %.3g per s, stalled %.3g%% of the time%n", 100 * s.tailShare(),
                ClientStallFit.TAIL_MS, s.dist(), s.meanMs(), s.cv(), s.ratePerS(), 100 * s.stalledShare()));
        o.printf(Locale.ROOT, "  stalls: %.3g%% beyond %.4g ms, mean %.4g ms, %.3g per s%s%n",
                100 * c.stalls().share(), c.stalls().fenceMs(), c.stalls().meanMs(), c.stalls().ratePerS(),
                c.hasStalls() ? "" : " (not in the model: " + (c.wakeUp().isPresent() ? "the wake-up takes the tail)"
                        : c.clientStalls().isPresent() ? "client stalls take the tail)" : "without interference)"));
        c.load().ifPresent(l -> o.printf(Locale.ROOT, "  load dependence: demand %.4g ms (SE %.3g) at low load"
                + " (%.3g%% busy; %d overlapping pairs), %.3g x the demand at capacity, %.1f SE above it; idle factor %.4g%n",
                l.demandMs(), l.seMs(), 100 * l.utilisation(), l.pairs(), l.demandMs() / c.capacityDemandMs(),
                l.t(c.capacityDemandMs()), l.idleFactor(c.capacityDemandMs())));
        if (loadDependence && c.load().isEmpty()) {
            o.printf(Locale.ROOT, "  load dependence: none shown (read only with interference, where the fastest low-load"
                    + " latencies hold the demand at capacity, from at least %d overlapping pairs, %.0f SE above that"
                    + " demand)%n", LoadFit.MIN_PAIRS, LoadFit.MIN_T);
        }
        c.regimes().ifPresent(r -> {
            o.print("  regimes:");
            for (int i = 0; i < r.levelsTps().length; i++) {
                o.printf(Locale.ROOT, "%s %.1f tps (%.0f%% of the seconds, mean %.3g s)", i > 0 ? "," : "",
                        r.levelsTps()[i], 100 * r.share()[i], r.meanS()[i]);
            }
            o.printf(Locale.ROOT, "; noise %.3g tps%n", r.noiseTps());
        });
        o.printf(Locale.ROOT, "wrote %s (fitted in %.2f s)%n", out, (System.nanoTime() - start) / 1e9);
        return ExitCode.OK;
    }

    private Calibration withCapacityLog(TxLog lowLog, TxLog capacity) throws InvalidInputException {
        try {
            return withoutInterference ? Calibration.withoutInterference(lowLog, capacity)
                    : Calibration.withCapacityLog(lowLog, capacity);
        } catch (BadLogException e) {
            throw new InvalidInputException("capsim: " + capacityLog + ": " + e.getMessage());
        }
    }

    private int check(PrintWriter o) throws InvalidInputException {
        if (at.isEmpty()) {
            throw new InvalidInputException("capsim: --check needs at least one --at LOG");
        }
        ModelArgument.load(check, List.of()); // the fragment itself must be valid
        List<Check> checks = new ArrayList<>();
        for (Path log : at) {
            TxLog measured = read(log);
            checks.add(Check.of(measured, rate -> durationS -> model(rate, durationS), threads));
        }
        o.println(String.format(Locale.ROOT, "%-40s %9s  %-26s %-26s %-26s %s", "log", "rate/s",
                "mean ms (meas/pred/err)", "p90 ms", "p99 ms", "p99 per run P10-P90"));
        for (Check c : checks) {
            Check.Figures e = c.error();
            o.println(String.format(Locale.ROOT, "%-40s %9.1f  %-26s %-26s %-26s %.4g-%.4g %s", shorten(c.log()),
                    c.ratePerS(), cell(c.measured().mean(), c.predicted().mean(), e.mean()),
                    cell(c.measured().p90(), c.predicted().p90(), e.p90()),
                    cell(c.measured().p99(), c.predicted().p99(), e.p99()),
                    c.p99SpreadMs()[0], c.p99SpreadMs()[1], c.p99WithinSpread() ? "holds" : "misses"));
        }
        if (out != null) {
            try {
                AtomicFiles.writeString(out.resolve("check.json"), json(checks));
            } catch (IOException e) {
                throw new InvalidInputException("capsim: cannot write " + out.resolve("check.json") + ": " + e);
            }
            o.println("wrote " + out.resolve("check.json"));
        }
        return ExitCode.OK;
    }

    /** The fragment at {@code ratePerS} for one run of {@code durationS}. */
    private ModelSpec model(double ratePerS, double durationS) {
        try {
            List<ModelOverride> overrides = new ArrayList<>(List.of(
                    new ModelOverride("workload.classes." + Calibration.CLASS + ".rate_per_s", fmt(ratePerS)),
                    new ModelOverride("run.duration_s", fmt(durationS))));
            if (replications != null) {
                overrides.add(new ModelOverride("run.replications", String.valueOf(replications)));
            }
            return ModelArgument.load(check, overrides).spec();
        } catch (InvalidInputException e) {
            throw new IllegalStateException("the fragment was valid at its own rate: " + e.getMessage(), e);
        }
    }

    private TxLog read(Path log) throws InvalidInputException {
        try {
            LogFormat f = format == null ? LogReader.detect(log) : LogFormat.of(format);
            return LogReader.read(log, f);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("capsim: --format must be pgbench, jmeter or csv, was '" + format + "'");
        } catch (BadLogException e) {
            throw new InvalidInputException("capsim: " + e.getMessage());
        }
    }

    private static String json(List<Check> checks) {
        ObjectMapper m = new ObjectMapper();
        ObjectNode root = m.createObjectNode();
        ArrayNode runs = root.putArray("runs");
        for (Check c : checks) {
            ObjectNode r = runs.addObject();
            r.put("log", c.log());
            r.put("rate_per_s", round(c.ratePerS()));
            figures(r.putObject("measured"), c.measured());
            ObjectNode predicted = r.putObject("predicted");
            figures(predicted, c.predicted());
            predicted.putArray("p99_per_run_p10_p90").add(round(c.p99SpreadMs()[0]))
                    .add(round(c.p99SpreadMs()[1]));
            figures(r.putObject("error"), c.error());
            r.put("p99_within_spread", c.p99WithinSpread());
        }
        try {
            return m.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void figures(ObjectNode n, Check.Figures f) {
        n.put("mean", round(f.mean()));
        n.put("p90", round(f.p90()));
        n.put("p99", round(f.p99()));
    }

    private static double round(double x) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.4g", x));
    }

    private static String cell(double measured, double predicted, double error) {
        return String.format(Locale.ROOT, "%.4g/%.4g/%+.0f%%", measured, predicted, 100 * error);
    }

    private static String fmt(double x) {
        return String.format(Locale.ROOT, "%.6g", x);
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : "..." + s.substring(s.length() - 37);
    }
}
