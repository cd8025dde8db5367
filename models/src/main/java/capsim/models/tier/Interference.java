package capsim.models.tier;

import capsim.engine.capacity.CapacityPath;
import capsim.engine.capacity.PieceSource;
import capsim.engine.capacity.PiecewiseCapacity;
import capsim.engine.capacity.Regimes;
import capsim.engine.capacity.SharedTrack;
import capsim.engine.capacity.Stalls;
import capsim.engine.random.RandomStreams;
import capsim.engine.station.WakeUp;
import capsim.models.load.Distributions;
import capsim.models.spec.InterferenceSpec;
import java.util.Optional;

/**
 * Builds each node's capacity path from its tier's {@link InterferenceSpec}: the product of its
 * speed regimes (the tier's one shared track when {@code shared}) and its stalls. Streams:
 * {@code tier/NAME/regimes} (shared), else {@code tier/NAME/node/ID/regimes}, and
 * {@code tier/NAME/node/ID/stalls}, so a node's path does not depend on other nodes; and each
 * node's wake-up, drawn from {@code tier/NAME/node/ID/wake_up}.
 *
 * <p>A node's effective speed at time t is the product of its factors: the station's speed
 * factor, which {@link Node} composes from its {@link SpeedFactor}s (CPU speed, CPU credits
 * throttling a burstable type), times this path's speed at t.
 */
public final class Interference {
    /** No interference: every node serves at full speed. */
    public static final Interference NONE = new Interference("", Optional.empty(), null);

    private final String tier;
    private final Optional<InterferenceSpec> spec;
    private final RandomStreams streams;
    private final SharedTrack sharedRegimes;

    private Interference(String tier, Optional<InterferenceSpec> spec, RandomStreams streams) {
        this.tier = tier;
        this.spec = spec;
        this.streams = streams;
        this.sharedRegimes = spec.filter(s -> s.regimesShared() && !s.regimes().isEmpty())
                .map(s -> new SharedTrack(regimes(s, "tier/" + tier + "/regimes"))).orElse(null);
    }

    /** The interference of tier {@code tier} as {@code spec} declares it, drawing from {@code streams}. */
    public static Interference of(String tier, Optional<InterferenceSpec> spec, RandomStreams streams) {
        return spec.isEmpty() ? NONE : new Interference(tier, spec, streams);
    }

    /** The capacity path of node {@code nodeId}. */
    public CapacityPath pathFor(int nodeId) {
        if (spec.isEmpty()) {
            return CapacityPath.FULL;
        }
        InterferenceSpec s = spec.get();
        String node = "tier/" + tier + "/node/" + nodeId;
        PieceSource source = null;
        if (!s.regimes().isEmpty()) {
            source = sharedRegimes != null ? sharedRegimes.reader() : regimes(s, node + "/regimes");
        }
        if (s.stalls().isPresent()) {
            InterferenceSpec.Stalls st = s.stalls().get();
            PieceSource stalls = new Stalls(st.ratePerS(), Distributions.of(st.durationMs()).scaled(0.001),
                    streams.stream(node + "/stalls"));
            source = source == null ? stalls : source.times(stalls);
        }
        return source == null ? CapacityPath.FULL : new PiecewiseCapacity(source);
    }

    /** The wake-up of node {@code nodeId} ({@link WakeUp#NONE} without one). */
    public WakeUp wakeUpFor(int nodeId) {
        return spec.flatMap(InterferenceSpec::wakeUp).map(w -> WakeUp.of(Distributions.of(w.durationMs()).scaled(0.001),
                w.idleScaleMs() / 1000, streams.stream("tier/" + tier + "/node/" + nodeId + "/wake_up")))
                .orElse(WakeUp.NONE);
    }

    /** The tier's load-dependent demand, if it declares one. */
    public Optional<InterferenceSpec.LoadDependence> loadDependence() {
        return spec.flatMap(InterferenceSpec::loadDependence);
    }

    private PieceSource regimes(InterferenceSpec s, String stream) {
        double[] speed = s.regimes().stream().mapToDouble(InterferenceSpec.Regime::speed).toArray();
        double[] meanS = s.regimes().stream().mapToDouble(InterferenceSpec.Regime::meanS).toArray();
        return new Regimes(speed, meanS, streams.stream(stream));
    }
}
