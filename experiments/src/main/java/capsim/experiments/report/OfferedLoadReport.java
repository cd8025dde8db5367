package capsim.experiments.report;

import capsim.models.spec.ModelSpec;
import capsim.models.system.OfferedLoad;
import capsim.models.system.OfferedLoad.ClassRate;
import capsim.models.system.OfferedLoad.TierLoad;
import java.util.List;
import java.util.Locale;

/** What {@code validate} prints: the peak rate of every class and the offered load of every tier. */
public final class OfferedLoadReport {
    private OfferedLoadReport() {
    }

    /** The report of {@code spec}'s class rates and tier loads. */
    public static String render(ModelSpec spec, List<ClassRate> rates, List<TierLoad> loads) {
        StringBuilder b = new StringBuilder(spec.source()).append(": valid model ").append(spec.name()).append("\n\n");
        TextTable classes = new TextTable("class", "peak req/s", "").leftAligned(2);
        for (ClassRate r : rates) {
            classes.row(r.className(), Format.num2(r.ratePerS()), r.upperBound() ? "upper bound: users / think_s" : "");
        }
        if (spec.workload().websocket().isPresent()) {
            classes.row("websocket", Format.num2(OfferedLoad.peakMessagesPerS(spec)), "messages/s");
        }
        b.append(classes.render(""));
        String peak = OfferedLoad.peakNote(spec);
        b.append(peak.isEmpty() ? "" : "rates and loads " + peak + "\n").append('\n');
        TextTable tiers = new TextTable("tier", "visits/s", "work server-s/s", "servers", "offered util", "")
                .leftAligned(5);
        for (TierLoad t : loads) {
            tiers.row(t.tier(), Format.num2(t.visitsPerS()), String.format(Locale.ROOT, "%.4f", t.workServerSPerS()),
                    Integer.toString(t.servers()), Format.pct(t.utilization()), verdict(spec, t));
        }
        return b.append(tiers.render("")).toString();
    }

    /**
     * SATURATED when the offered load exceeds the tier's capacity; an autoscaled tier is judged
     * at its largest size, and said to need scaling out when only its starting count is short.
     */
    private static String verdict(ModelSpec spec, TierLoad t) {
        int maxNodes = spec.tier(t.tier()).flatMap(tier -> tier.operations().autoscale())
                .map(a -> a.max()).orElse(0);
        int count = spec.tier(t.tier()).map(tier -> tier.count()).orElse(1);
        if (maxNodes <= count || !t.saturated()) {
            return t.saturated() ? "SATURATED" : "";
        }
        double atMax = t.utilization() * count / maxNodes;
        return atMax >= 1 ? "SATURATED even at " + maxNodes + " nodes"
                : String.format(Locale.ROOT, "needs scale-out (%s at %d nodes)", Format.pct(atMax), maxNodes);
    }
}
