package capsim.experiments.calibrate;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A capsim model of one server fitted from a low-load run and the server's capacity (a figure,
 * or an unthrottled run's throughput over time). The request is: a constant overhead (client and
 * network; the 0.1% quantile of the low-load latencies), a delay for whatever of the low-load
 * service time the server's capacity does not account for (the demand measured at low load
 * above the demand at saturation), and a visit to one processor-sharing server whose demand has
 * the mean 1 / capacity at full speed. The shape (family and cv) of both is the maximum-likelihood
 * fit with the smallest Kolmogorov-Smirnov distance to the low-load body minus the overhead.
 * Interference: capacity regimes from the throughput series ({@link RegimeFit}), stalls from
 * the low-load run's tail ({@link StallFit}), or, where the log gives schedule lags, the client's
 * own stalls ({@link ClientStallFit}) and a wake-up fitted to the transactions they did not touch;
 * on request, a demand that depends on the server's load ({@link LoadFit}).
 * The client keeps the log's connections as {@code max_in_flight}. Every number in the fragment says in a comment what it was fitted from.
 */
public final class Calibration {
    /** The name of the class and the tier in the fragment (check overrides the class's rate). */
    public static final String CLASS = "tx";
    public static final String TIER = "server";
    /** Most points the service fits read. */
    static final int FIT_POINTS = 50_000;

    private final TxLog low;
    private final double fastTps;
    private final String capacitySource;
    private final Optional<RegimeFit> regimes;
    private final StallFit stalls;
    private final double overheadMs;
    private final List<ServiceFit> fits;
    private final int bodySize;
    private final boolean interference;
    private final Optional<WakeUpFit> wakeUp;
    private final Optional<ClientStallFit> clientStalls;
    private final Optional<LoadFit> load;

    private Calibration(TxLog low, double fastTps, String capacitySource, Optional<RegimeFit> regimes,
                        boolean interference) {
        this.interference = interference;
        this.low = low.afterStartUp();
        this.fastTps = fastTps;
        this.capacitySource = capacitySource;
        this.regimes = regimes;
        double[] sorted = this.low.sortedLatencyMs();
        this.stalls = StallFit.fit(sorted);
        this.overheadMs = StallFit.quantile(sorted, 0.001);
        double[] body = Arrays.stream(sorted).filter(x -> x <= stalls.fenceMs())
                .map(x -> Math.max(x - overheadMs, 1e-3)).toArray();
        this.bodySize = body.length;
        this.fits = ServiceFit.fitAll(thinned(body, FIT_POINTS));
        this.clientStalls = Optional.empty();
        this.wakeUp = interference ? WakeUpFit.fit(this.low, stalls.fenceMs()) : Optional.empty();
        this.load = Optional.empty();
    }

    /**
     * {@code fitted}'s fit (service time, overhead, stalls, regimes); when {@code clientStalls},
     * with the client's stalls and, when they are found, the wake-up refitted to the transactions
     * they did not touch; when {@code loadDependence}, with the demand's load dependence where the
     * low-load run shows one.
     */
    private Calibration(Calibration fitted, boolean clientStalls, boolean loadDependence) {
        this.interference = fitted.interference;
        this.low = fitted.low;
        this.fastTps = fitted.fastTps;
        this.capacitySource = fitted.capacitySource;
        this.regimes = fitted.regimes;
        this.stalls = fitted.stalls;
        this.overheadMs = fitted.overheadMs;
        this.bodySize = fitted.bodySize;
        this.fits = fitted.fits;
        this.clientStalls = !clientStalls ? fitted.clientStalls : interference ? ClientStallFit.fit(low) : Optional.empty();
        this.wakeUp = !clientStalls || this.clientStalls.isEmpty() ? fitted.wakeUp
                : WakeUpFit.fit(low, this.stalls.fenceMs(), this.clientStalls.get().touched(low));
        this.load = interference && loadDependence ? loadFit() : Optional.empty();
    }

    /**
     * The load dependence of the server's demand ({@link LoadFit}), read only where the server is
     * most of a lone transaction's latency (its warm latency's floor holds the demand at capacity)
     * and only when the demand at low load fits inside the warm latency.
     */
    private Optional<LoadFit> loadFit() {
        double demandMs = capacityDemandMs();
        if (bodyMs() - overheadMs - demandMs >= 0) {
            return Optional.empty();
        }
        return LoadFit.fit(low, demandMs).filter(f -> f.demandMs() <= bodyMs());
    }

    /**
     * The low-load body's mean latency, split in the fragment into overhead, extra delay and
     * demand; with a wake-up, the latency of a lone transaction that found the server warm.
     */
    private double bodyMs() {
        return wakeUp.map(WakeUpFit::baseMs).orElse(overheadMs + fits.get(0).mean());
    }

    /** Fitted from {@code low} with the capacity figure {@code capacityTps}. */
    public static Calibration withCapacity(TxLog low, double capacityTps) {
        return new Calibration(low, capacityTps, "the given capacity " + fmt(capacityTps) + " tps", Optional.empty(),
                true);
    }

    /** Fitted from {@code low} and the unthrottled run {@code capacity}. */
    public static Calibration withCapacityLog(TxLog low, TxLog capacity) throws BadLogException {
        RegimeFit r = RegimeFit.fit(capacity.perSecond());
        return new Calibration(low, r.fastTps(), capacitySource(capacity, r), r.twoLevels() ? Optional.of(r)
                : Optional.empty(), true);
    }

    /**
     * The same fit without interference (no regimes, no stalls): the server at the capacity
     * run's mean throughput, what a model built from capacity and service time alone predicts.
     */
    public static Calibration withoutInterference(TxLog low, TxLog capacity) throws BadLogException {
        RegimeFit r = RegimeFit.fit(capacity.perSecond());
        return new Calibration(low, r.meanTps(), "the mean throughput of " + capacity.file() + " ("
                + r.seconds() + " s), without interference", Optional.empty(), false);
    }

    /**
     * The same fit with the client's stalls ({@link ClientStallFit}) when the low-load log gives
     * schedule lags, and the wake-up fitted to the transactions they did not touch; unchanged
     * without interference or lags.
     */
    public Calibration withClientStalls() {
        return new Calibration(this, true, load.isPresent());
    }

    /**
     * The same fit with the server's demand depending on its load ({@link LoadFit}) where the
     * low-load run shows it; unchanged without interference or where it does not.
     */
    public Calibration withLoadDependence() {
        return new Calibration(this, false, true);
    }

    /** The server's demand at capacity (at full speed), ms. */
    public double capacityDemandMs() {
        return 1000 / fastTps;
    }

    /** The load dependence of the server's demand, when the low-load run shows one (with interference only). */
    public Optional<LoadFit> load() {
        return load;
    }

    private static String capacitySource(TxLog capacity, RegimeFit r) {
        String what = r.twoLevels()
                ? "the fastest level of " + capacity.file() + " (" + r.seconds() + " s of throughput, k-means)"
                : "the mean throughput of " + capacity.file() + " (" + r.seconds() + " s)";
        return what;
    }

    /**
     * At most {@code n} of the ascending {@code sorted}, evenly spaced by rank (the same quantiles,
     * fewer points): the fits' precision is far finer than the data's own spread at this size,
     * and a million-line log fits in seconds.
     */
    static double[] thinned(double[] sorted, int n) {
        if (sorted.length <= n) {
            return sorted;
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = sorted[(int) ((i + 0.5) * sorted.length / n)];
        }
        return out;
    }

    /** The best service fit and the others, best first. */
    public List<ServiceFit> fits() {
        return fits;
    }

    public StallFit stalls() {
        return stalls;
    }

    public Optional<RegimeFit> regimes() {
        return regimes;
    }

    /** The wake-up of the idle server, when the low-load run shows one (with interference only). */
    public Optional<WakeUpFit> wakeUp() {
        return wakeUp;
    }

    /** The client's stalls, when the low-load log gives schedule lags with a late tail (with interference only). */
    public Optional<ClientStallFit> clientStalls() {
        return clientStalls;
    }

    /**
     * True when the fragment has stalls: with interference, a tail beyond the fence, and neither
     * a wake-up nor client stalls. A wake-up takes the tail: a lone request at low load cannot tell a stall from a
     * slow wake-up, but only the wake-up fades with load (a busy server never wakes up). Client
     * stalls take it too: they are the part of the tail the log shows to be the client's.
     */
    public boolean hasStalls() {
        return interference && stalls.ratePerS() > 0 && wakeUp.isEmpty() && clientStalls.isEmpty();
    }

    /** The model fragment (a complete model file), YAML with a comment on every fitted number. */
    public String fragment(String name) {
        ServiceFit best = fits.get(0);
        double demandMs = capacityDemandMs();
        // the demand where the low-load body was measured: at low load when it depends on the load
        double lowDemandMs = load.map(LoadFit::demandMs).orElse(demandMs);
        StringBuilder b = new StringBuilder();
        b.append("# capsim calibrate: a model of one server fitted from the low-load run ").append(low.file())
                .append("\n# (").append(low.size())
                .append(" transactions after its first second, the start-up, of those logged over ").append(fmt(low.spanS()))
                .append(" s, ").append(fmt(low.ratePerS())).append(" tps) and ").append(capacitySource).append(".\n")
                .append("# Run it at another load with --set workload.classes.tx.rate_per_s=RATE, or check it against\n")
                .append("# measured runs with ./capsim calibrate --check THIS_FILE --at LOG.\n");
        b.append("name: ").append(name).append('\n');
        b.append("run: {duration_s: ").append(fmt(Math.max(10, Math.round(low.spanS()))))
                .append(", warmup_s: 10, replications: 20, seed: 1}\n");
        b.append("network: {hop_ms: 0}   # the overhead below stands for client and network\n");
        b.append("workload:\n  classes:\n    - name: ").append(CLASS).append('\n');
        b.append("      rate_per_s: ").append(fmt(low.ratePerS())).append("   # the low-load run's rate\n");
        if (low.clients() > 0) {
            b.append("      max_in_flight: ").append(low.clients()).append("   # the low-load run's clients (connections)\n");
        }
        clientStalls.ifPresent(c -> clientStalls(b, c));
        b.append("      steps:\n");
        String fitNote = best.dist() + " (KS distance " + fmt(best.ks()) + "; " + others() + ") by maximum likelihood"
                + " to the " + bodySize + " low-load latencies up to the stall fence " + fmt(stalls.fenceMs())
                + " ms, minus the overhead: mean " + fmt(best.mean()) + " ms";
        double bodyMs = bodyMs();
        String bodyNote = wakeUp.isPresent() ? "the warm latency " + fmt(bodyMs) + " ms (wake-up fit below)"
                : "the low-load mean up to the stall fence (" + fmt(bodyMs) + " ms)";
        double extraMs = bodyMs - overheadMs - demandMs;
        if (extraMs >= 0) {
            b.append("        # constant overhead: the 0.1% quantile of the low-load latencies\n");
            b.append("        - delay_ms: {dist: deterministic, mean: ").append(fmt(overheadMs)).append("}\n");
            if (extraMs > 0) {
                b.append("        # ").append(bodyNote).append(" beyond the overhead and the demand at capacity, ")
                        .append(fmt(extraMs)).append(" ms; shape: ").append(fitNote).append('\n');
                b.append("        - delay_ms: {dist: ").append(best.dist()).append(", mean: ").append(fmt(extraMs))
                        .append(", cv: ").append(fmt(best.cv())).append("}\n");
            }
            b.append("        # demand at full speed: 1 / capacity = 1000 / ").append(fmt(fastTps)).append(" ms");
            b.append(extraMs > 0 ? "; shape as above\n" : "; shape: " + fitNote + "\n");
        } else {
            // the server's demand is part of even the fastest low-load latencies: the overhead is
            // what the body's mean leaves beside it (beside the demand at low load, when it depends
            // on the load), and the body's spread is the server's
            if (bodyMs - lowDemandMs > 0) {
                b.append("        # constant overhead: ").append(bodyNote)
                        .append(load.isPresent() ? " minus the demand at low load (below)\n" : " minus the demand at capacity\n");
                b.append("        - delay_ms: {dist: deterministic, mean: ").append(fmt(bodyMs - lowDemandMs))
                        .append("}\n");
            }
            b.append("        # demand at full speed: 1 / capacity = 1000 / ").append(fmt(fastTps))
                    .append(" ms, with the standard deviation (").append(fmt(best.cv() * best.mean())).append(" ms) of ")
                    .append(fitNote).append(load.isPresent() ? "; as a share of the demand at low load, "
                            + fmt(lowDemandMs) + " ms, where that spread was measured\n" : "\n");
        }
        b.append("        - tier: ").append(TIER).append('\n');
        b.append("          service_ms: {dist: ").append(best.dist()).append(", mean: ").append(fmt(demandMs))
                .append(", cv: ").append(fmt(extraMs >= 0 ? best.cv()
                        : best.cv() * best.mean() / lowDemandMs))
                .append("}\n");
        b.append("tiers:\n  - name: ").append(TIER).append('\n');
        b.append("    node: custom\n    count: 1\n    vcpu: 1\n    memory_gb: 1\n    hourly_usd: 0\n");
        b.append("    workers: 1\n    discipline: ps   # one core shared by the connections\n");
        regimes.ifPresent(r -> regimes(b, r));
        load.ifPresent(l -> loadDependence(b, l, demandMs));
        wakeUp.ifPresent(w -> {
            b.append("    # wake-up: over the ").append(w.lone()).append(" low-load transactions that found the server idle,")
                    .append(" latency = ").append(fmt(w.baseMs())).append(" ms + ").append(fmt(w.slopeMs()))
                    .append(" ms x (1 - e^(-idle / ").append(fmt(w.idleScaleMs())).append(" ms))\n")
                    .append("    # (least squares, latencies capped at the fence; slope ").append(fmt(w.slopeT()))
                    .append(" standard errors); duration: quantiles of the excess over ")
                    .append(fmt(w.baseMs())).append(" ms\n    # of the coldest (").append(w.cold())
                    .append("), scaled to a full wake-up, mean ").append(fmt(w.meanMs())).append(" ms; ")
                    .append("the low-load tail is read as wake-ups, not stalls")
                    .append(clientStalls.isPresent() ? "\n    # (transactions a client stall touched left out, "
                            + "those sent late and those received as the client resumed)\n" : "\n");
            b.append("    wake_up:\n      idle_scale_ms: ").append(fmt(w.idleScaleMs())).append('\n');
            b.append("      duration_ms: {dist: empirical, samples: [");
            for (int i = 0; i < w.quantilesMs().length; i++) {
                b.append(i > 0 ? ", " : "").append(fmt(w.quantilesMs()[i]));
            }
            b.append("]}\n");
        });
        if (hasStalls()) {
            b.append("    # stalls from the low-load tail: ").append(fmt(100 * stalls.share()))
                    .append("% of latencies beyond the fence Q3 + 1.5 IQR = ").append(fmt(stalls.fenceMs()))
                    .append(" ms (the stalled share),\n    # their mean excess over the median ")
                    .append(fmt(stalls.meanMs())).append(" ms (the mean residual = mean length, exponential)\n");
            b.append("    stalls: {rate_per_s: ").append(fmt(stalls.ratePerS()))
                    .append(", duration_ms: {dist: exponential, mean: ").append(fmt(stalls.meanMs())).append("}}\n");
        }
        return b.toString();
    }

    /** The load_dependence line of {@code l}, each number with what it came from. */
    private static void loadDependence(StringBuilder b, LoadFit l, double demandMs) {
        b.append("    # load dependence: the demand at low load, ").append(fmt(l.demandMs())).append(" ms (SE ")
                .append(fmt(l.seMs())).append(" ms), from the busy periods of ").append(l.pairs())
                .append(" pairs of overlapping low-load transactions\n    # against ").append(l.lone())
                .append(" lone ones, is ").append(fmt(l.demandMs() / demandMs)).append(" x the demand at capacity (")
                .append(fmt(l.t(demandMs))).append(" SE above it) at ").append(fmt(100 * l.utilisation()))
                .append("% busy; linear in the utilisation, 1 x at full load;\n")
                .append("    # horizon_s: assumed (the logs cannot tell it), long against a transaction, short against a run\n");
        b.append("    load_dependence: {idle_factor: ").append(fmt(l.idleFactor(demandMs))).append(", horizon_s: ")
                .append(fmt(LoadFit.HORIZON_S)).append("}\n");
    }

    /** The client_stalls line of {@code c}, each number with what it came from. */
    private void clientStalls(StringBuilder b, ClientStallFit c) {
        b.append("      # client stalls from the low-load run's schedule lags: ").append(c.tail()).append(" transactions (")
                .append(fmt(100 * c.tailShare())).append("%) sent more than ").append(fmt(ClientStallFit.TAIL_MS))
                .append(" ms later than the median lag ").append(fmt(c.baseLagMs())).append(" ms;\n")
                .append("      # their excess is the residual of the stall they fell in: stall length ").append(c.dist())
                .append(" by maximum likelihood (truncated residual; log-likelihood ").append(fmt(c.logLikelihood()));
        for (ClientStallFit o : c.others()) {
            b.append(", ").append(o.dist()).append(' ').append(fmt(o.logLikelihood()));
        }
        b.append("),\n      # stalled share ").append(fmt(100 * c.stalledShare()))
                .append("% of the time, rate = share / ((1 - share) x mean length)\n");
        b.append("      client_stalls: {rate_per_s: ").append(fmt(c.ratePerS())).append(", duration_ms: {dist: ")
                .append(c.dist()).append(", mean: ").append(fmt(c.meanMs())).append(", cv: ").append(fmt(c.cv()))
                .append("}}\n");
    }

    /** The capacity_regimes block of {@code r}, each number with what it came from. */
    private static void regimes(StringBuilder b, RegimeFit r) {
        b.append("    # ").append(r.levelsTps().length).append(" levels of the capacity run's throughput per second (k-means over ")
                .append(r.seconds()).append(" s, levels at least ").append(fmt(RegimeFit.SEPARATION))
                .append(" x the per-second noise ").append(fmt(r.noiseTps())).append(" tps apart):");
        for (int i = 0; i < r.levelsTps().length; i++) {
            b.append(i > 0 ? "," : "").append(' ').append(fmt(r.levelsTps()[i])).append(" tps ")
                    .append(fmt(100 * r.share()[i])).append("% of the seconds");
        }
        b.append(";\n    # dwell means: each level's seconds over its stretches that ended within the run (")
                .append(r.stretches()).append(" stretches)");
        b.append(r.sequence().length > 2 ? ", listed in the run's own order\n" : "\n");
        b.append("    capacity_regimes:\n");
        for (int i : r.sequence()) {
            b.append("      - {speed: ").append(i == 0 ? "1.0" : fmt(r.levelsTps()[i] / r.fastTps())).append(", mean_s: ")
                    .append(fmt(r.meanS()[i])).append("}\n");
        }
    }

    private String others() {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i < fits.size(); i++) {
            b.append(i > 1 ? ", " : "").append(fits.get(i).dist()).append(' ').append(fmt(fits.get(i).ks()));
        }
        return b.toString();
    }

    /** Four significant digits, plain notation. */
    static String fmt(double x) {
        if (x == Math.rint(x) && Math.abs(x) < 1e9) {
            return String.valueOf((long) x);
        }
        return new java.math.BigDecimal(x).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "capacity %.1f tps, overhead %.3f ms, %s", fastTps, overheadMs, fits.get(0));
    }
}
