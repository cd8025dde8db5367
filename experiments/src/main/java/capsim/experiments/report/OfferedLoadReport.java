package capsim.experiments.report;

import capsim.models.spec.ModelSpec;
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
        b.append(classes.render("")).append('\n');
        TextTable tiers = new TextTable("tier", "visits/s", "work server-s/s", "servers", "offered util", "")
                .leftAligned(5);
        for (TierLoad t : loads) {
            tiers.row(t.tier(), Format.num2(t.visitsPerS()), String.format(Locale.ROOT, "%.4f", t.workServerSPerS()),
                    Integer.toString(t.servers()), Format.pct(t.utilization()), t.saturated() ? "SATURATED" : "");
        }
        return b.append(tiers.render("")).toString();
    }
}
