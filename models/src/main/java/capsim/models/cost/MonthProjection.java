package capsim.models.cost;

import capsim.models.spec.ModelSpec;
import capsim.models.spec.ProfileSpec;
import capsim.models.spec.TierSpec;
import java.util.TreeSet;
import java.util.function.DoubleUnaryOperator;

/**
 * How the measured period stands for a month of {@value #HOURS_PER_MONTH} hours (365 x 24 / 12,
 * the AWS billing convention).
 *
 * <p>As measured: the measured period repeats all month, so a tier's mean billed nodes and its
 * credit use per hour stand for every hour of it. This holds for a constant workload profile,
 * for runs of a day or more, and for models whose profile shapes no load (closed classes only).
 *
 * <p>Daily profile: a run shorter than a day under an {@code hourly} or {@code peak} profile has
 * seen the load of some hours only. The month is then the day of the profile repeated: every
 * tier's work (and so its credit spending) scales by the load factor
 * mean multiplier over the day / mean multiplier over the measured period; a fixed tier's nodes
 * stay as measured, and an autoscaled tier's nodes are taken to follow the load: at time t of the
 * day clamp(measured mean nodes x m(t) / measured mean multiplier, min, max), averaged over the
 * day. That proportional rule is what a target-tracking autoscaler aims for; it ignores its lag
 * and step sizes.
 */
public final class MonthProjection {
    /** Hours in the projected month. */
    public static final double HOURS_PER_MONTH = 730;
    private static final double DAY_S = 86_400;

    private final ProfileSpec profile;
    private final boolean daily;
    private final double measuredMultiplier;
    private final double dayMultiplier;

    private MonthProjection(ProfileSpec profile, boolean daily, double measuredMultiplier, double dayMultiplier) {
        this.profile = profile;
        this.daily = daily;
        this.measuredMultiplier = measuredMultiplier;
        this.dayMultiplier = dayMultiplier;
    }

    /** The projection of {@code spec}'s measured period (run.warmup_s to warmup_s + duration_s). */
    public static MonthProjection of(ModelSpec spec) {
        ProfileSpec profile = spec.workload().profile();
        double fromS = spec.run().warmupS();
        double toS = fromS + spec.run().durationS();
        boolean shaped = spec.workload().websocket().isPresent()
                || spec.workload().classes().stream().anyMatch(c -> !c.closed());
        double measured = mean(profile, m -> m, fromS, toS);
        boolean daily = profile.kind() != ProfileSpec.Kind.CONSTANT && toS - fromS < DAY_S && shaped && measured > 0;
        return new MonthProjection(profile, daily, measured, daily ? mean(profile, m -> m, 0, DAY_S) : measured);
    }

    /** True when the month is the profile's day rather than the measured period repeated. */
    public boolean daily() {
        return daily;
    }

    /** Work over the month / work at the measured rate: 1 unless {@link #daily()}. */
    public double loadFactor() {
        return daily ? dayMultiplier / measuredMultiplier : 1;
    }

    /** Mean billed nodes over the month of {@code tier}, which averaged {@code measuredNodes}. */
    public double nodesMean(TierSpec tier, double measuredNodes) {
        if (!daily || tier.operations().autoscale().isEmpty()) {
            return measuredNodes;
        }
        int min = tier.operations().autoscale().get().min();
        int max = tier.operations().autoscale().get().max();
        return mean(profile, m -> Math.min(max, Math.max(min, measuredNodes * m / measuredMultiplier)), 0, DAY_S);
    }

    /**
     * The time average of g(multiplier) over [fromS, toS]: the profile is constant between whole
     * hours of the day and its peak edges, so it is summed exactly over those pieces.
     */
    static double mean(ProfileSpec profile, DoubleUnaryOperator g, double fromS, double toS) {
        if (!(toS > fromS)) {
            return g.applyAsDouble(profile.multiplierAt(fromS));
        }
        TreeSet<Double> cuts = new TreeSet<>();
        cuts.add(fromS);
        cuts.add(toS);
        double firstDay = Math.floor((profile.startH() + fromS / 3600) / 24) - 1;
        double lastDay = Math.floor((profile.startH() + toS / 3600) / 24) + 1;
        for (double day = firstDay; day <= lastDay; day++) {
            for (int h = 0; h <= 24; h++) {
                addCut(cuts, ((day * 24 + h) - profile.startH()) * 3600, fromS, toS);
            }
            addCut(cuts, ((day * 24 + profile.fromH()) - profile.startH()) * 3600, fromS, toS);
            addCut(cuts, ((day * 24 + profile.toH()) - profile.startH()) * 3600, fromS, toS);
        }
        double sum = 0;
        Double prev = null;
        for (double cut : cuts) {
            if (prev != null) {
                sum += g.applyAsDouble(profile.multiplierAt((prev + cut) / 2)) * (cut - prev);
            }
            prev = cut;
        }
        return sum / (toS - fromS);
    }

    private static void addCut(TreeSet<Double> cuts, double tS, double fromS, double toS) {
        if (tS > fromS && tS < toS) {
            cuts.add(tS);
        }
    }
}
