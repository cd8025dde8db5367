package capsim.models.load;

import capsim.models.load.Values.Bound;
import capsim.models.spec.OperationsSpec;
import capsim.models.spec.RegionsSpec;
import capsim.models.spec.RegionsSpec.Link;
import capsim.models.spec.RegionsSpec.Region;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Binds the model's {@code regions: [{name, share, zones}]} and {@code network.region_ms:
 * [{from, to, ms}]}. The shares add up to 1; each zone belongs to at most one region, and every
 * zone a tier uses to one; {@code region_ms} gives the latency of every pair of distinct regions
 * exactly once (either way round). Without {@code regions}, {@link RegionsSpec#NONE}.
 */
final class RegionBinder {
    static final String KEY = "regions";
    static final String LINKS_KEY = "region_ms";
    private static final List<String> KEYS = List.of("name", "share", "zones");
    private static final List<String> LINK_KEYS = List.of("from", "to", "ms");
    /** How far the shares may add up from 1 (rounding in the file, e.g. three shares of 0.333333). */
    private static final double SHARE_SUM_TOLERANCE = 1e-6;

    private final Problems problems;
    private final Names names;
    /** Each zone listed by a region, and that region. */
    private final Map<String, String> regionOfZone = new LinkedHashMap<>();

    private RegionBinder(Problems problems) {
        this.problems = problems;
        this.names = new Names("region", problems);
    }

    /** The regions of {@code top} with the latencies in {@code network}, checked against the tiers' zones. */
    static RegionsSpec bind(Section top, Optional<Section> network, Problems problems) {
        return new RegionBinder(problems).bind(top, network);
    }

    private RegionsSpec bind(Section top, Optional<Section> network) {
        Optional<Section> links = network.filter(n -> n.has(LINKS_KEY));
        if (!top.has(KEY)) {
            links.ifPresent(n -> n.reportKey(LINKS_KEY, "'" + LINKS_KEY + "' needs the model's '" + KEY + "'"));
            return RegionsSpec.NONE;
        }
        List<Node> items = top.list(KEY, true).orElse(List.of());
        List<Region> regions = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Section.of(items.get(i), Problems.item(KEY, i), KEYS, problems).ifPresent(r -> regions.add(region(r)));
        }
        Node regionsNode = top.get(KEY).orElseThrow();
        double sum = regions.stream().mapToDouble(Region::share).sum();
        // NaN when a share is missing or invalid (already reported)
        if (regions.size() == items.size() && !items.isEmpty() && Math.abs(sum - 1) > SHARE_SUM_TOLERANCE) {
            // rounded to 9 decimals so that 0.6 + 0.3 reads 0.9
            problems.at(regionsNode, KEY, "the regions' shares add up to "
                    + Values.format(Math.round(sum * 1e9) / 1e9) + "; they must add up to 1");
        }
        checkTierZones(top);
        List<Link> bound = links.map(n -> links(n)).orElse(List.of());
        checkEveryPair(regions, bound, links.map(n -> n.get(LINKS_KEY).orElseThrow()).orElse(regionsNode));
        return new RegionsSpec(regions, bound);
    }

    private Region region(Section r) {
        String name = names.claim(r).orElse("");
        double share = r.requiredNumber("share", Bound.UNIT).orElse(Double.NaN);
        List<Node> zoneItems = r.list("zones", true).orElse(List.of());
        List<String> zones = new ArrayList<>();
        for (int i = 0; i < zoneItems.size(); i++) {
            Node item = zoneItems.get(i);
            String path = Problems.item(r.path("zones"), i);
            Values.string(item, path, problems).ifPresent(z -> {
                String owner = regionOfZone.putIfAbsent(z, name);
                if (owner != null) {
                    problems.at(item, path, "zone '" + z + "' is already in region '" + owner
                            + "'; a zone belongs to one region");
                } else {
                    zones.add(z);
                }
            });
        }
        return new Region(name, share, zones);
    }

    /** Every zone a tier names (or its default zone) must be in a region. */
    private void checkTierZones(Section top) {
        if (!(top.get("tiers").orElse(null) instanceof Node.ListNode tiers)) {
            return;
        }
        for (int i = 0; i < tiers.items().size(); i++) {
            if (!(tiers.items().get(i) instanceof Node.MapNode tier)) {
                continue;
            }
            String path = Problems.item("tiers", i);
            Node.Entry zones = tier.entries().get("zones");
            if (zones == null) {
                String zone = OperationsSpec.DEFAULT.zones().get(0);
                if (!regionOfZone.containsKey(zone)) {
                    problems.at(tier, path, "the tier gives no zones, so its nodes are in zone '" + zone
                            + "', which no region lists; give the tier zones from its regions");
                }
            } else if (zones.value() instanceof Node.ListNode list) {
                for (int j = 0; j < list.items().size(); j++) {
                    if (list.items().get(j) instanceof Node.Scalar zone && zone.kind() == Node.Scalar.Kind.STRING
                            && !regionOfZone.containsKey(zone.text())) {
                        problems.at(zone, Problems.item(Problems.child(path, "zones"), j), "zone '" + zone.text()
                                + "' is in no region" + Suggest.didYouMean(zone.text(), regionOfZone.keySet()));
                    }
                }
            }
        }
    }

    private List<Link> links(Section network) {
        List<Node> items = network.list(LINKS_KEY, false).orElse(List.of());
        List<Link> links = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Section.of(items.get(i), Problems.item(network.path(LINKS_KEY), i), LINK_KEYS, problems)
                    .ifPresent(l -> link(l, links));
        }
        return links;
    }

    private void link(Section l, List<Link> links) {
        Optional<String> from = names.reference(l, "from", true);
        Optional<String> to = names.reference(l, "to", true);
        double ms = l.requiredNumber("ms", Bound.POSITIVE).orElse(0);
        if (from.isEmpty() || to.isEmpty()) {
            return;
        }
        if (from.get().equals(to.get())) {
            l.reportKey("to", "a hop inside region '" + to.get() + "' costs hop_ms or cross_zone_ms; region_ms "
                    + "joins two different regions");
            return;
        }
        if (links.stream().anyMatch(k -> k.joins(from.get(), to.get()))) {
            problems.at(l.node(), l.path(), "the latency between '" + from.get() + "' and '" + to.get()
                    + "' is given twice (it holds both ways)");
            return;
        }
        links.add(new Link(from.get(), to.get(), ms));
    }

    /** Reports at {@code where} the pairs of distinct regions whose latency is not given. */
    private void checkEveryPair(List<Region> regions, List<Link> links, Node where) {
        RegionsSpec given = new RegionsSpec(regions, links);
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < regions.size(); i++) {
            for (int j = i + 1; j < regions.size(); j++) {
                String a = regions.get(i).name();
                String b = regions.get(j).name();
                if (!a.isEmpty() && !b.isEmpty() && !a.equals(b) && given.ms(a, b).isEmpty()) {
                    missing.add("{from: " + a + ", to: " + b + ", ms: ...}");
                }
            }
        }
        if (!missing.isEmpty()) {
            problems.at(where, "network." + LINKS_KEY, "no latency between some regions; add "
                    + String.join(", ", missing) + " to network.region_ms");
        }
    }
}
