package capsim.models.spec;

import java.util.List;
import java.util.Optional;

/**
 * How a tier's nodes live: {@code boot_s} from launch to in service, {@code drain_s} a
 * scaled-in node may take to finish its work, the {@code zones} its nodes are spread over
 * (round robin), and the optional {@code autoscale}, {@code credits} (burstable CPU),
 * {@code failures} (per node) and {@code managed} (a managed database or cache and its
 * failover) sections, and the interference that slows its nodes ({@code capacity_regimes},
 * {@code stalls}). Defaults: boot 90 s and drain 300 s (FACTS.md: a 60-120 s boot is a fair
 * assumption; ALB deregistration delay 300 s), one zone "a".
 */
public record OperationsSpec(double bootS, double drainS, List<String> zones, Optional<AutoscaleSpec> autoscale,
                             Optional<CreditsSpec> credits, Optional<FailureSpec> failures,
                             Optional<ManagedSpec> managed, Optional<InterferenceSpec> interference) {
    public static final double DEFAULT_BOOT_S = 90;
    public static final double DEFAULT_DRAIN_S = 300;
    public static final OperationsSpec DEFAULT = new OperationsSpec(DEFAULT_BOOT_S, DEFAULT_DRAIN_S, List.of("a"),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    public OperationsSpec {
        zones = List.copyOf(zones);
    }

    /** Operations without interference. */
    public OperationsSpec(double bootS, double drainS, List<String> zones, Optional<AutoscaleSpec> autoscale,
                          Optional<CreditsSpec> credits, Optional<FailureSpec> failures,
                          Optional<ManagedSpec> managed) {
        this(bootS, drainS, zones, autoscale, credits, failures, managed, Optional.empty());
    }
}
