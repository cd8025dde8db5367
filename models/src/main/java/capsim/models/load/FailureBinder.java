package capsim.models.load;

import capsim.models.load.Values.Bound;
import capsim.models.spec.FailureSpec;
import capsim.models.spec.ManagedSpec;
import java.util.List;
import java.util.Optional;

/**
 * Binds a tier's {@code failures:} (mtbf_h and mttr_s required, detect_s default
 * {@link FailureSpec#DEFAULT_DETECT_S}) and {@code managed:} (kind and mtbf_h required;
 * multi_az default false; failover_s default {@link ManagedSpec#DATABASE_FAILOVER_S} for a
 * database, {@link ManagedSpec#CACHE_FAILOVER_S} for a cache; recovery_s default
 * {@link ManagedSpec#RECOVERY_S}; refill_s, a cache's only, default {@link ManagedSpec#REFILL_S}).
 * A managed tier fails through {@code managed.mtbf_h}, so it may not have {@code failures} too.
 */
final class FailureBinder {
    static final List<String> NODE_KEYS = List.of("mtbf_h", "mttr_s", "detect_s");
    static final List<String> MANAGED_KEYS = List.of("kind", "multi_az", "mtbf_h", "failover_s", "recovery_s",
            "refill_s");

    private FailureBinder() {
    }

    static Optional<FailureSpec> bindNode(Section tier, Problems problems) {
        if (tier.has("failures") && tier.has("managed")) {
            tier.reportKey("failures", "a managed tier fails through managed.mtbf_h; remove 'failures'");
        }
        return tier.section("failures", NODE_KEYS).map(f -> new FailureSpec(
                f.requiredNumber("mtbf_h", Bound.POSITIVE).orElse(1),
                f.requiredNumber("mttr_s", Bound.POSITIVE).orElse(1),
                f.number("detect_s", Bound.NON_NEGATIVE).orElse(FailureSpec.DEFAULT_DETECT_S)));
    }

    static Optional<ManagedSpec> bindManaged(Section tier, Problems problems) {
        return tier.section("managed", MANAGED_KEYS).map(m -> {
            ManagedSpec.Kind kind = m.choice("kind", ManagedSpec.Kind.class, true).orElse(ManagedSpec.Kind.DATABASE);
            if (kind == ManagedSpec.Kind.DATABASE && m.has("refill_s")) {
                m.reportKey("refill_s", "'refill_s' applies only to kind: cache (a database does not come back empty)");
            }
            double failoverS = kind == ManagedSpec.Kind.CACHE ? ManagedSpec.CACHE_FAILOVER_S
                    : ManagedSpec.DATABASE_FAILOVER_S;
            return new ManagedSpec(kind,
                    bool(m, "multi_az", problems).orElse(false),
                    m.requiredNumber("mtbf_h", Bound.POSITIVE).orElse(1),
                    m.number("failover_s", Bound.POSITIVE).orElse(failoverS),
                    m.number("recovery_s", Bound.POSITIVE).orElse(ManagedSpec.RECOVERY_S),
                    m.number("refill_s", Bound.POSITIVE).orElse(ManagedSpec.REFILL_S));
        });
    }

    /** A {@code true} / {@code false} value; reports anything else. */
    static Optional<Boolean> bool(Section s, String key, Problems problems) {
        Optional<Node> node = s.get(key);
        if (node.isEmpty()) {
            return Optional.empty();
        }
        if (node.get() instanceof Node.Scalar v && v.kind() == Node.Scalar.Kind.BOOLEAN) {
            return Optional.of(Boolean.parseBoolean(v.text()));
        }
        problems.at(node.get(), s.path(key), "expected true or false, found " + node.get().describe());
        return Optional.empty();
    }
}
