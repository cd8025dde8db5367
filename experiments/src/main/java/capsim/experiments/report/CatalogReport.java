package capsim.experiments.report;

import capsim.models.catalog.Catalog;
import capsim.models.catalog.NodeType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The node-type catalog as text (a table, then each type's sources) or JSON: vCPU, memory, hourly
 * price, CPU speed relative to the reference type, burst credits, provider and sources.
 */
public final class CatalogReport {
    private CatalogReport() {
    }

    /** The types by provider, then series (the name without its size), then size (vCPUs, memory). */
    private static List<NodeType> ordered(Catalog catalog) {
        return catalog.types().stream().sorted(Comparator.comparing(NodeType::provider)
                .thenComparing(t -> series(t.name())).thenComparingInt(NodeType::vcpu)
                .thenComparingDouble(NodeType::memoryGb).thenComparing(NodeType::name)).toList();
    }

    /** A type's series: c5.2xlarge -> c5, n2-standard-8 -> n2-standard, Standard_D8s_v5 -> Standard_Ds_v5. */
    static String series(String type) {
        return type.replaceFirst("\\.(nano|micro|small|medium|\\d*x?large)$|-\\d+$", "")
                .replaceFirst("^(Standard_[A-Z]+)\\d+", "$1");
    }

    /** The table and the sources, ending with a newline. */
    public static String text(Catalog catalog) {
        Catalog.Reference ref = catalog.reference();
        List<NodeType> types = ordered(catalog);
        StringBuilder b = new StringBuilder();
        b.append(types.size()).append(" node types. Prices: on-demand Linux, USD per hour (AWS us-east-1, Azure eastus,"
                + " GCP us-central1).\nSpeed: the processor's sustained all-core clock / the reference type's, ")
                .append(ref.type()).append(" at ").append(Format.plain(ref.allCoreGhz()))
                .append(" GHz (docs/node-speed.md).\n\n");
        TextTable table = new TextTable("type", "provider", "vCPU", "memory GiB", "$/hour", "speed", "credits")
                .leftAligned(1, 6);
        for (NodeType t : types) {
            table.row(t.name(), t.provider(), Integer.toString(t.vcpu()), Format.plain(t.memoryGb()),
                    Format.plain(t.hourlyUsd()), String.format(Locale.ROOT, "%.3f", t.cpuSpeed()), credits(t));
        }
        b.append(table.render(""));
        b.append("\nsources\n");
        for (NodeType t : types) {
            b.append("  ").append(t.name()).append('\n')
                    .append("    price: ").append(t.source()).append('\n')
                    .append("    speed: ").append(t.speedSource()).append('\n');
        }
        return b.toString();
    }

    private static String credits(NodeType t) {
        return t.credits().map(c -> Format.plain(c.earnedPerHour()) + "/h, baseline "
                + Format.pct(c.baselinePerVcpu(), 0) + ", max " + Format.plain(c.maxBalance()) + ", surplus $"
                + Format.plain(c.surplusUsdPerVcpuHour()) + "/vCPU-h").orElse("");
    }

    /** The catalog as a JSON document: {@code {reference, types: [...]}}, pretty-printed, ending with a newline. */
    public static String json(Catalog catalog) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        Catalog.Reference ref = catalog.reference();
        root.putObject("reference").put("type", ref.type()).put("all_core_ghz", ref.allCoreGhz())
                .put("why", ref.why());
        ArrayNode types = root.putArray("types");
        for (NodeType t : ordered(catalog)) {
            ObjectNode n = types.addObject().put("name", t.name()).put("provider", t.provider())
                    .put("vcpu", t.vcpu()).put("memory_gb", t.memoryGb()).put("hourly_usd", t.hourlyUsd())
                    .put("cpu_speed", t.cpuSpeed());
            t.credits().ifPresentOrElse(c -> n.putObject("credits").put("earned_per_hour", c.earnedPerHour())
                    .put("baseline_per_vcpu", c.baselinePerVcpu()).put("max_balance", c.maxBalance())
                    .put("surplus_usd_per_vcpu_hour", c.surplusUsdPerVcpuHour()), () -> n.putNull("credits"));
            n.put("source", t.source()).put("speed_source", t.speedSource());
        }
        return SummaryJson.text(root);
    }
}
