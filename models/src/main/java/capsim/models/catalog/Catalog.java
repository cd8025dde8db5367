package capsim.models.catalog;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The node types capsim knows by name. The built-in catalog is the resource {@value #RESOURCE};
 * each entry there cites where its numbers come from (cloud price lists; the AWS EC2 user guide
 * and the services' pages for burst credits and their surplus price).
 */
public final class Catalog {
    static final String RESOURCE = "capsim/models/catalog/node-types.yaml";

    private final Map<String, NodeType> types;

    public Catalog(Map<String, NodeType> types) {
        this.types = Map.copyOf(types);
    }

    /** The built-in catalog (resource {@code capsim/models/catalog/node-types.yaml}). */
    public static Catalog builtIn() {
        return BuiltIn.CATALOG;
    }

    public Optional<NodeType> find(String name) {
        return Optional.ofNullable(types.get(name));
    }

    public List<String> names() {
        return types.keySet().stream().sorted().toList();
    }

    /** Reads a catalog in the resource's format: {@code types: [{name, vcpu, ...}]}. */
    static Catalog read(InputStream yaml) throws IOException {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory())
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        CatalogFile file = mapper.readValue(yaml, CatalogFile.class);
        Map<String, NodeType> types = new LinkedHashMap<>();
        for (Entry e : file.types()) {
            NodeType type = e.toNodeType();
            if (types.put(type.name(), type) != null) {
                throw new IOException("node type " + type.name() + " is listed twice");
            }
        }
        return new Catalog(types);
    }

    /** The built-in catalog, read once on first use. */
    private static final class BuiltIn {
        static final Catalog CATALOG = load();

        private static Catalog load() {
            try (InputStream in = Catalog.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + RESOURCE + " is missing from the class path");
                }
                return read(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the built-in catalog " + RESOURCE, e);
            }
        }
    }

    private record CatalogFile(List<Entry> types) {
    }

    /** One entry as written; a missing key reads as null, {@code credits} is optional. */
    private record Entry(String name, Integer vcpu, Double memoryGb, Double hourlyUsd, Credits credits,
                         String source) {
        NodeType toNodeType() throws IOException {
            if (name == null || source == null || vcpu == null || memoryGb == null || hourlyUsd == null
                    || vcpu < 1 || !(memoryGb > 0) || !(hourlyUsd >= 0)) {
                throw new IOException("incomplete or invalid node type entry: " + this);
            }
            Optional<NodeType.BurstCredits> burst = Optional.empty();
            if (credits != null) {
                burst = Optional.of(credits.toCredits(name));
            }
            return new NodeType(name, vcpu, memoryGb, hourlyUsd, burst, source);
        }
    }

    private record Credits(Double earnedPerHour, Double baselinePerVcpu, Double maxBalance,
                           Double surplusUsdPerVcpuHour) {
        NodeType.BurstCredits toCredits(String type) throws IOException {
            if (earnedPerHour == null || baselinePerVcpu == null || maxBalance == null || surplusUsdPerVcpuHour == null
                    || !(earnedPerHour > 0) || !(baselinePerVcpu > 0 && baselinePerVcpu <= 1) || !(maxBalance > 0)
                    || !(surplusUsdPerVcpuHour >= 0)) {
                throw new IOException("incomplete or invalid credits of node type " + type + ": " + this);
            }
            return new NodeType.BurstCredits(earnedPerHour, baselinePerVcpu, maxBalance, surplusUsdPerVcpuHour);
        }
    }
}
