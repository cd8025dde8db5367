package capsim.models.load;

import capsim.models.catalog.Catalog;
import capsim.models.load.Values.Bound;
import capsim.models.spec.CurrencySpec;
import capsim.models.spec.ModelSpec;
import capsim.models.spec.NetworkSpec;
import capsim.models.spec.RunSpec;
import capsim.models.spec.TierSpec;
import capsim.models.spec.WorkloadSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Binds the top level of a model file (CONTRACT.md section 1) and its small sections
 * ({@code currency}, {@code run}, {@code network}; {@code regions} by {@link RegionBinder}); tiers
 * are bound before the workload so that steps can be checked against them. Defaults: {@link RunSpec#DEFAULT} per missing key,
 * {@link NetworkSpec#DEFAULT}, title = name.
 */
final class ModelBinder {
    private static final List<String> KEYS = List.of("name", "title", "currency", "run", "workload", "tiers",
            "network", "slo", "cost", "uptime", "failures", RegionBinder.KEY);
    private static final List<String> RUN_KEYS = List.of("duration_s", "warmup_s", "replications", "seed",
            "fidelity", "precision", "max_replications", "window_s");
    private static final List<String> PRECISION_KEYS = List.of("relative");
    private static final Pattern MODEL_NAME = Pattern.compile("[a-z0-9-]+");

    private ModelBinder() {
    }

    /** The model in {@code root}, or a partial one when {@code problems} has any. */
    static Optional<ModelSpec> bind(Node root, Catalog catalog, Path baseDir, Problems problems, String source) {
        Optional<Section> top = Section.of(root, "", KEYS, problems);
        if (top.isEmpty()) {
            return Optional.empty();
        }
        Section s = top.get();
        String name = s.requiredString("name").orElse("");
        if (s.has("name") && !MODEL_NAME.matcher(name).matches()) {
            problems.at(s.get("name").orElseThrow(), "name", "'" + name
                    + "' must be lower-case letters, digits and '-' (it names the results folder)");
        }
        Optional<CurrencySpec> currency = s.section("currency", List.of("code", "per_usd"))
                .map(c -> new CurrencySpec(c.requiredString("code").orElse(""),
                        c.requiredNumber("per_usd", Bound.POSITIVE).orElse(1)));
        Names tierNames = new Names("tier", problems);
        List<TierSpec> tiers = new TierBinder(catalog, problems).bind(s, tierNames);
        WorkloadSpec workload = WorkloadBinder.bind(s, tierNames, catalog, baseDir);
        AutoscaleBinder.checkConnectionsMetric(s, workload, problems);
        Optional<Section> net = s.section("network", List.of("hop_ms", "cross_zone_ms", RegionBinder.LINKS_KEY));
        NetworkSpec network = new NetworkSpec(
                net.map(n -> n.number("hop_ms", Bound.NON_NEGATIVE).orElse(NetworkSpec.DEFAULT.hopMs()))
                        .orElse(NetworkSpec.DEFAULT.hopMs()),
                net.map(n -> n.number("cross_zone_ms", Bound.NON_NEGATIVE).orElse(NetworkSpec.DEFAULT_CROSS_ZONE_MS))
                        .orElse(NetworkSpec.DEFAULT_CROSS_ZONE_MS),
                RegionBinder.bind(s, net, problems));
        return Optional.of(new ModelSpec(name, s.string("title").orElse(name), currency, run(s), workload, tiers,
                network, SloBinder.bind(s, workload, tiers, currency.isPresent(), network.regions()), source,
                CostBinder.bind(s, problems), UptimeBinder.bind(s, problems), UptimeBinder.bindZones(s, problems)));
    }

    private static RunSpec run(Section top) {
        RunSpec d = RunSpec.DEFAULT;
        return top.section("run", RUN_KEYS).map(r -> {
            int replications = r.smallInteger("replications", 1).orElse(d.replications());
            double relative = r.section("precision", PRECISION_KEYS)
                    .map(p -> p.number("relative", Bound.POSITIVE).orElse(0)).orElse(0.0);
            return new RunSpec(
                    r.number("duration_s", Bound.POSITIVE).orElse(d.durationS()),
                    r.number("warmup_s", Bound.NON_NEGATIVE).orElse(d.warmupS()),
                    replications,
                    r.integer("seed", Long.MIN_VALUE).orElse(d.seed()),
                    r.choice("fidelity", RunSpec.Fidelity.class, false).orElse(d.fidelity()),
                    relative,
                    r.smallInteger("max_replications", 1).orElse(relative > 0 ? 4 * replications : replications),
                    r.number("window_s", Bound.POSITIVE).orElse(d.windowS()));
        }).orElse(d);
    }
}
