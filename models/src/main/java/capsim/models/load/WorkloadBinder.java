package capsim.models.load;

import capsim.models.catalog.Catalog;
import capsim.models.load.Values.Bound;
import capsim.models.spec.DistSpec;
import capsim.models.spec.ProfileSpec;
import capsim.models.spec.WebSocketSpec;
import capsim.models.spec.WorkloadSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Binds {@code workload:}: its profile, its classes and the optional {@code websocket} load,
 * whose {@code tier} and {@code pubsub_tier} must be tiers of the file; {@code pubsub_tier} and
 * {@code pubsub_ms} come together.
 */
final class WorkloadBinder {
    private static final List<String> KEYS = List.of("profile", "start_h", "classes", "websocket");
    private static final List<String> WEBSOCKET_KEYS = List.of("tier", "connections", "messages_per_s", "fanout",
            "send_ms", "pubsub_tier", "pubsub_ms");
    private static final WorkloadSpec EMPTY = new WorkloadSpec(ProfileSpec.CONSTANT, List.of(), Optional.empty());

    private WorkloadBinder() {
    }

    /** The workload of {@code root}, checked against the tier names. */
    static WorkloadSpec bind(Section root, Names tiers, Catalog catalog, Path baseDir) {
        Optional<Section> section = root.requiredSection("workload", KEYS);
        if (section.isEmpty()) {
            return EMPTY;
        }
        Section w = section.get();
        Problems problems = w.problems();
        return new WorkloadSpec(ProfileBinder.bind(w), new ClassBinder(tiers, catalog, baseDir, problems).bind(w),
                w.section("websocket", WEBSOCKET_KEYS).map(ws -> websocket(ws, tiers)));
    }

    private static WebSocketSpec websocket(Section ws, Names tiers) {
        Optional<String> tier = tiers.reference(ws, "tier", true);
        Optional<String> pubsubTier = tiers.reference(ws, "pubsub_tier", false);
        Optional<DistSpec> pubsubMs = DistBinder.bind(ws, "pubsub_ms", false);
        if (ws.has("pubsub_tier") != ws.has("pubsub_ms")) {
            String given = ws.has("pubsub_tier") ? "pubsub_tier" : "pubsub_ms";
            ws.reportKey(given, "pubsub_tier and pubsub_ms come together (the hop's tier and its service time)");
        }
        return new WebSocketSpec(tier.orElse(""),
                ws.requiredInteger("connections", 1).orElse(1),
                ws.requiredNumber("messages_per_s", Bound.POSITIVE).orElse(1),
                DistBinder.bind(ws, "fanout", true).orElse(DistBinder.INVALID),
                DistBinder.bind(ws, "send_ms", true).orElse(DistBinder.INVALID),
                pubsubTier, pubsubMs);
    }
}
