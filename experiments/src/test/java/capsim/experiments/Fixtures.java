package capsim.experiments;

import capsim.engine.stats.LatencyRecorder;
import capsim.models.catalog.Catalog;
import capsim.models.catalog.NodeType;
import capsim.models.spec.ArrivalSpec;
import capsim.models.spec.ClassSpec;
import capsim.models.spec.CurrencySpec;
import capsim.models.spec.DistSpec;
import capsim.models.spec.ModelSpec;
import capsim.models.spec.NetworkSpec;
import capsim.models.spec.ProfileSpec;
import capsim.models.spec.RunSpec;
import capsim.models.spec.SloSpec;
import capsim.models.spec.StepSpec;
import capsim.models.spec.TierSpec;
import capsim.models.spec.WebSocketSpec;
import capsim.models.spec.WorkloadSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Hand-built models, catalogs and recorders for the experiments tests. */
public final class Fixtures {
    /** t3.medium: 2 vCPU, $0.0416/h; t3.large: 2 vCPU, $0.0832/h. */
    public static final Catalog CATALOG = new Catalog(Map.of(
            "t3.medium", new NodeType("t3.medium", 2, 4, 0.0416,
                    Optional.of(new NodeType.BurstCredits(24, 0.20, 576, 0.05)), "test"),
            "t3.large", new NodeType("t3.large", 2, 8, 0.0832, Optional.empty(), "test")));

    private Fixtures() {
    }

    /**
     * Class {@code api} (100/s: app 10 ms, then db 4 ms), tiers {@code app} (2 x t3.medium) and
     * {@code db} (custom, 1 vcpu, $0.5/h), optionally a WebSocket load on tier {@code ws}
     * (t3.large) and a currency.
     */
    public static ModelSpec model(boolean websocket, Optional<CurrencySpec> currency, List<SloSpec> slo) {
        ClassSpec api = new ClassSpec("api", OptionalDouble.of(100), OptionalInt.empty(), OptionalDouble.empty(),
                ArrivalSpec.POISSON, List.of(
                new StepSpec("app", DistSpec.exponential(10), 1, OptionalDouble.empty(), List.of()),
                new StepSpec("db", DistSpec.exponential(4), 1, OptionalDouble.empty(), List.of())));
        Optional<WebSocketSpec> ws = websocket
                ? Optional.of(new WebSocketSpec("ws", 1000, 10, DistSpec.deterministic(3), DistSpec.deterministic(0.1),
                Optional.empty(), Optional.empty()))
                : Optional.empty();
        List<TierSpec> tiers = websocket
                ? List.of(tier("app", "t3.medium", 2, OptionalDouble.empty()), tier("db", "custom", 1,
                OptionalDouble.of(0.5)), tier("ws", "t3.large", 1, OptionalDouble.empty()))
                : List.of(tier("app", "t3.medium", 2, OptionalDouble.empty()), tier("db", "custom", 1,
                OptionalDouble.of(0.5)));
        return new ModelSpec("shop", "A small shop", currency, new RunSpec(10, 2, 2, 7),
                new WorkloadSpec(ProfileSpec.CONSTANT, List.of(api), ws), tiers, NetworkSpec.DEFAULT, slo,
                "shop.yaml");
    }

    /** A tier of {@code count} nodes; a custom one has 1 vcpu and {@code hourlyUsd}. */
    public static TierSpec tier(String name, String node, int count, OptionalDouble hourlyUsd) {
        boolean custom = node.equals("custom");
        return new TierSpec(name, node, count, OptionalInt.empty(), TierSpec.Discipline.FCFS,
                TierSpec.Balancer.ROUND_ROBIN, OptionalInt.empty(), OptionalDouble.empty(), OptionalLong.empty(),
                custom ? OptionalInt.of(1) : OptionalInt.empty(), custom ? OptionalDouble.of(2) : OptionalDouble.empty(),
                hourlyUsd);
    }

    /** {@code {metric, max}}. */
    public static SloSpec max(String metric, double max) {
        return new SloSpec(metric, OptionalDouble.of(max), OptionalDouble.empty());
    }

    /** {@code {metric, min}}. */
    public static SloSpec min(String metric, double min) {
        return new SloSpec(metric, OptionalDouble.empty(), OptionalDouble.of(min));
    }

    /** A recorder holding {@code count} values {@code step}, 2 x step, ..., count x step microseconds. */
    public static LatencyRecorder steps(long step, int count) {
        LatencyRecorder r = new LatencyRecorder();
        for (int i = 1; i <= count; i++) {
            r.recordMicros(i * step);
        }
        return r;
    }
}
