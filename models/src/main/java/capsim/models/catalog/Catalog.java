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
 * and the services' pages for burst credits and their surplus price; the providers' instance
 * pages for the processor clock behind each type's relative CPU speed).
 *
 * <p>A type's speed is its processor's sustained all-core turbo clock ({@code all_core_ghz})
 * divided by the {@link Reference} type's; a type whose clock no page states gives none and runs
 * at the reference speed, its {@code speed_source} saying so.
 */
public final class Catalog {
    static final String RESOURCE = "capsim/models/catalog/node-types.yaml";

    private final Map<String, NodeType> types;
    private final Reference reference;

    /** A catalog of {@code types} whose speeds are relative to {@code reference}. */
    public Catalog(Map<String, NodeType> types, Reference reference) {
        this.types = Map.copyOf(types);
        this.reference = reference;
    }

    /** A hand-built catalog (tests): speeds as given, no named reference type. */
    public Catalog(Map<String, NodeType> types) {
        this(types, Reference.NONE);
    }

    /**
     * The type whose speed is 1: service times in a model are taken as measured on it unless a
     * step or tier says {@code measured_on}. {@code allCoreGhz} is its sustained all-core clock,
     * {@code why} the reason it was chosen.
     */
    public record Reference(String type, double allCoreGhz, String why) {
        static final Reference NONE = new Reference("", 0, "");
    }

    /** The reference type of this catalog's speeds. */
    public Reference reference() {
        return reference;
    }

    /** Every type, by name. */
    public List<NodeType> types() {
        return names().stream().map(types::get).toList();
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
        Reference reference = file.reference() == null ? null : file.reference().toReference();
        if (reference == null || file.types() == null) {
            throw new IOException("a catalog needs 'reference: {type, all_core_ghz, why}' and 'types'");
        }
        Map<String, NodeType> types = new LinkedHashMap<>();
        for (Entry e : file.types()) {
            NodeType type = e.toNodeType(reference.allCoreGhz());
            if (types.put(type.name(), type) != null) {
                throw new IOException("node type " + type.name() + " is listed twice");
            }
        }
        NodeType ref = types.get(reference.type());
        if (ref == null || ref.cpuSpeed() != 1.0) {
            throw new IOException("the reference type " + reference.type() + " must be listed, at "
                    + reference.allCoreGhz() + " GHz");
        }
        return new Catalog(types, reference);
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

    private record CatalogFile(ReferenceEntry reference, List<Entry> types) {
    }

    private record ReferenceEntry(String type, Double allCoreGhz, String why) {
        Reference toReference() throws IOException {
            if (type == null || why == null || allCoreGhz == null || !(allCoreGhz > 0)) {
                throw new IOException("incomplete or invalid reference: " + this);
            }
            return new Reference(type, allCoreGhz, why);
        }
    }

    /**
     * One entry as written; a missing key reads as null; {@code credits} and {@code all_core_ghz}
     * are optional, {@code speed_source} is not (it says why a type without a clock runs at the
     * reference speed).
     */
    private record Entry(String name, String provider, Integer vcpu, Double memoryGb, Double hourlyUsd,
                         Credits credits, Double allCoreGhz, String source, String speedSource) {
        NodeType toNodeType(double referenceGhz) throws IOException {
            if (name == null || provider == null || source == null || speedSource == null || vcpu == null
                    || memoryGb == null || hourlyUsd == null || vcpu < 1 || !(memoryGb > 0) || !(hourlyUsd >= 0)
                    || allCoreGhz != null && !(allCoreGhz > 0)) {
                throw new IOException("incomplete or invalid node type entry: " + this);
            }
            Optional<NodeType.BurstCredits> burst = Optional.empty();
            if (credits != null) {
                burst = Optional.of(credits.toCredits(name));
            }
            double speed = allCoreGhz == null ? 1.0 : allCoreGhz / referenceGhz;
            return new NodeType(name, vcpu, memoryGb, hourlyUsd, burst, source, provider, speed, speedSource);
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
