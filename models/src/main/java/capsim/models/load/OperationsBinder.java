package capsim.models.load;

import capsim.models.catalog.Catalog;
import capsim.models.load.Values.Bound;
import capsim.models.spec.OperationsSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Binds a tier's operations keys: {@code boot_s}, {@code drain_s}, {@code zones}, and the
 * {@code autoscale}, {@code credits}, {@code failures} and {@code managed} sections and the
 * interference keys {@code capacity_regimes}, {@code stalls}, {@code wake_up} and {@code load_dependence}
 * (each by its own binder).
 */
final class OperationsBinder {
    static final List<String> KEYS = List.of("boot_s", "drain_s", "zones", "autoscale", "credits", "failures",
            "managed", InterferenceBinder.REGIMES, InterferenceBinder.STALLS, InterferenceBinder.WAKE_UP,
            InterferenceBinder.LOAD_DEPENDENCE);

    private OperationsBinder() {
    }

    static OperationsSpec bind(Section t, int count, String nodeType, Catalog catalog, Problems problems) {
        double bootS = t.number("boot_s", Bound.NON_NEGATIVE).orElse(OperationsSpec.DEFAULT_BOOT_S);
        double drainS = t.number("drain_s", Bound.NON_NEGATIVE).orElse(OperationsSpec.DEFAULT_DRAIN_S);
        List<String> zones = zones(t, problems);
        return new OperationsSpec(bootS, drainS, zones,
                AutoscaleBinder.bind(t, count, problems),
                CreditsBinder.bind(t, nodeType, catalog, problems),
                FailureBinder.bindNode(t, problems),
                FailureBinder.bindManaged(t, problems),
                InterferenceBinder.bind(t));
    }

    private static List<String> zones(Section t, Problems problems) {
        List<Node> items = t.list("zones", false).orElse(List.of());
        List<String> zones = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String path = Problems.item(t.path("zones"), i);
            Values.string(items.get(i), path, problems).ifPresent(z -> {
                if (zones.contains(z)) {
                    problems.at(items.get(zones.size()), path, "zone '" + z + "' is listed twice");
                }
                zones.add(z);
            });
        }
        return zones.isEmpty() ? OperationsSpec.DEFAULT.zones() : zones;
    }
}
