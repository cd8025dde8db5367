package capsim.experiments.summary;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/**
 * Writes the uptime estimate into the summary's {@code uptime} block: {@code ci95} [lo, hi] (null
 * with one replication),
 * {@code method}, {@code states[]} {name, fraction_of_time, compliance, per_month, strikes} and
 * {@code downtime_min_per_month}; notes when the failure states take so much of the time that
 * the rare-event approximation (modes do not overlap) is rough.
 */
final class UptimeJson {
    /** Share of the time in failure states beyond which the modes' overlap is not negligible. */
    static final double ROUGH_FAILURE_FRACTION = 0.05;

    private UptimeJson() {
    }

    /**
     * Writes {@code availability} (windows whose error ratios are within bounds, see
     * {@link Uptime#availability}) and {@code availability_ci95} (null with one replication), and
     * a note when the system was available in windows that missed a latency target.
     */
    static void addAvailability(ObjectNode up, Uptime uptime, Uptime availability, int replications,
                                List<String> notes) {
        up.put("availability", Round.to(availability.ratio(), Round.RATIO));
        if (replications < 2) {
            up.putNull("availability_ci95");
        } else {
            ArrayNode ci = up.putArray("availability_ci95");
            ci.add(Round.to(availability.ci95Lo(), Round.RATIO));
            ci.add(Round.to(availability.ci95Hi(), Round.RATIO));
        }
        if (availability.ratio() - uptime.ratio() >= 0.001) {
            notes.add(String.format(Locale.ROOT, "uptime %.3f%% counts a window as down when any target is missed;"
                    + " requests were answered within the allowed error ratio in %.3f%% of the time"
                    + " (uptime.availability): the difference is time when the system was available but slow",
                    100 * uptime.ratio(), 100 * availability.ratio()));
        }
    }

    static void addEstimate(ObjectNode up, Uptime uptime, double days, int replications, List<String> notes) {
        if (replications < 2) {
            up.putNull("ci95");
        } else {
            ArrayNode ci = up.putArray("ci95");
            ci.add(Round.to(uptime.ci95Lo(), Round.RATIO));
            ci.add(Round.to(uptime.ci95Hi(), Round.RATIO));
        }
        up.put("method", uptime.method());
        ArrayNode states = up.putArray("states");
        for (Uptime.State s : uptime.states()) {
            ObjectNode state = states.addObject();
            state.put("name", s.name());
            state.put("fraction_of_time", Round.to(s.fractionOfTime(), Round.RATIO + 3));
            state.put("compliance", Round.to(s.compliance(), Round.RATIO));
            state.put("per_month", Round.to(s.perMonth(), Round.RATE));
            if (s.strikes() > 0) {
                state.put("strikes", s.strikes());
            }
        }
        up.put("downtime_min_per_month", Round.to(uptime.downtimeMinPerMonth(), Round.RATE));
        up.put("days_per_month", days);
        if (uptime.failureFraction() > ROUGH_FAILURE_FRACTION) {
            notes.add(String.format(Locale.ROOT, "uptime: failure states take %.1f%% of the time; the estimate assumes"
                    + " failures do not overlap, which is rough at that level", 100 * uptime.failureFraction()));
        }
    }
}
