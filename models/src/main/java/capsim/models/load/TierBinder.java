package capsim.models.load;

import capsim.models.catalog.Catalog;
import capsim.models.load.Values.Bound;
import capsim.models.spec.TierSpec;
import capsim.models.spec.TierSpec.Balancer;
import capsim.models.spec.TierSpec.Discipline;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.stream.Stream;

/**
 * Binds {@code tiers:}. A tier's {@code node} is a catalog type or {@code custom}; a custom node
 * must give {@code vcpu}, {@code memory_gb} and {@code hourly_usd}, and only a custom node may.
 * {@code workers} stays empty when not given (the node type's vCPUs, resolved by the simulator).
 * {@code cpu_speed} and {@code measured_on}: {@link SpeedBinder}.
 */
final class TierBinder {
    static final String CUSTOM = "custom";
    private static final List<String> KEYS = Stream.concat(Stream.of("name", "node", "count",
            "workers", "discipline", "balancer", "queue_limit", "timeout_ms", "max_connections", "vcpu", "memory_gb",
            "hourly_usd", SpeedBinder.CPU_SPEED, SpeedBinder.MEASURED_ON), OperationsBinder.KEYS.stream()).toList();
    private static final List<String> CUSTOM_KEYS = List.of("vcpu", "memory_gb", "hourly_usd");

    private final Catalog catalog;
    private final Problems problems;

    TierBinder(Catalog catalog, Problems problems) {
        this.catalog = catalog;
        this.problems = problems;
    }

    /** The tiers of {@code root}; their names are claimed in {@code names}. */
    List<TierSpec> bind(Section root, Names names) {
        List<Node> items = root.list("tiers", true).orElse(List.of());
        List<TierSpec> tiers = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Section.of(items.get(i), Problems.item("tiers", i), KEYS, problems)
                    .ifPresent(t -> tiers.add(tier(t, names)));
        }
        return tiers;
    }

    private TierSpec tier(Section t, Names names) {
        String name = names.claim(t).orElse("");
        Optional<String> node = t.requiredString("node");
        node.ifPresent(n -> checkNodeType(t, n));
        boolean custom = node.map(CUSTOM::equals).orElse(false);
        OptionalInt vcpu = OptionalInt.empty();
        OptionalDouble memoryGb = OptionalDouble.empty();
        OptionalDouble hourlyUsd = OptionalDouble.empty();
        if (custom) {
            vcpu = t.requiredSmallInteger("vcpu", 1);
            memoryGb = t.requiredNumber("memory_gb", Bound.POSITIVE);
            hourlyUsd = t.requiredNumber("hourly_usd", Bound.NON_NEGATIVE);
        } else if (node.isPresent()) {
            for (String key : CUSTOM_KEYS) {
                if (t.has(key)) {
                    t.reportKey(key, "'" + key + "' applies only to node: custom (the catalog gives "
                            + node.get() + "'s)");
                }
            }
        }
        int count = t.requiredSmallInteger("count", 1).orElse(1);
        return new TierSpec(name, node.orElse(""),
                count,
                t.smallInteger("workers", 1),
                t.choice("discipline", Discipline.class, false).orElse(Discipline.FCFS),
                t.choice("balancer", Balancer.class, false).orElse(Balancer.ROUND_ROBIN),
                t.smallInteger("queue_limit", 0),
                t.number("timeout_ms", Bound.POSITIVE),
                t.integer("max_connections", 1),
                vcpu, memoryGb, hourlyUsd, OperationsBinder.bind(t, count, node.orElse(""), catalog, problems),
                SpeedBinder.tier(t, catalog));
    }

    private void checkNodeType(Section t, String node) {
        if (!node.equals(CUSTOM) && catalog.find(node).isEmpty()) {
            List<String> known = new ArrayList<>(catalog.names());
            known.add(CUSTOM);
            String hint = Suggest.nearest(node, known).map(n -> "; did you mean '" + n + "'?")
                    .orElse(" (the catalog has: " + String.join(", ", known) + ")");
            problems.at(t.get("node").orElseThrow(), t.path("node"), "unknown node type '" + node + "'" + hint);
        }
    }
}
