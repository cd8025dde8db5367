package capsim.models.spec;

import java.util.List;
import java.util.Optional;

/**
 * A whole model file (CONTRACT.md section 1), bound and validated. {@code source} names the
 * file it came from, for messages. {@code cost}, {@code uptime} and {@code zoneFailures} are
 * the model-level additions for the bill and the uptime estimate.
 */
public record ModelSpec(
        String name,
        String title,
        Optional<CurrencySpec> currency,
        RunSpec run,
        WorkloadSpec workload,
        List<TierSpec> tiers,
        NetworkSpec network,
        List<SloSpec> slo,
        String source,
        CostSpec cost,
        UptimeSpec uptime,
        Optional<ZoneFailureSpec> zoneFailures) {

    /** A model without cost lines, with default uptime settings and no zone failures. */
    public ModelSpec(String name, String title, Optional<CurrencySpec> currency, RunSpec run, WorkloadSpec workload,
                     List<TierSpec> tiers, NetworkSpec network, List<SloSpec> slo, String source) {
        this(name, title, currency, run, workload, tiers, network, slo, source, CostSpec.NONE, UptimeSpec.DEFAULT,
                Optional.empty());
    }

    public ModelSpec {
        tiers = List.copyOf(tiers);
        slo = List.copyOf(slo);
    }

    /** The tier called {@code name}. */
    public Optional<TierSpec> tier(String tierName) {
        return tiers.stream().filter(t -> t.name().equals(tierName)).findFirst();
    }

    /** A copy naming another source file (the same model read from elsewhere). */
    public ModelSpec withSource(String newSource) {
        return new ModelSpec(name, title, currency, run, workload, tiers, network, slo, newSource, cost, uptime,
                zoneFailures);
    }

    /** A copy with other run settings (command-line overrides). */
    public ModelSpec withRun(RunSpec newRun) {
        return new ModelSpec(name, title, currency, newRun, workload, tiers, network, slo, source, cost, uptime,
                zoneFailures);
    }
}
