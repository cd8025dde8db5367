package capsim.experiments.gate;

import capsim.experiments.summary.SummaryBuilder;
import capsim.models.spec.ModelSpec;
import capsim.models.spec.RunSpec;
import capsim.models.spec.SloSpec;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether a baseline summary can judge a run of a model: it must describe the same system (the
 * same model name and the same SLO metrics; a changed configuration of it is what the gate is
 * for) run with the same settings (measured duration, warm-up, replications; the seed may
 * differ), and carry each SLO metric's spread ({@code per_replication}).
 */
public final class Comparability {
    private Comparability() {
    }

    /** Why {@code baseline} cannot judge a run of {@code spec}, one reason per line; empty when it can. */
    public static List<String> problems(ModelSpec spec, JsonNode baseline) {
        List<String> problems = new ArrayList<>();
        String model = baseline.path("model").asText("(none)");
        if (!model.equals(spec.name())) {
            problems.add("it is a summary of model '" + model + "', not '" + spec.name() + "'");
        }
        Set<String> theirs = new TreeSet<>();
        baseline.path("slo").forEach(e -> theirs.add(e.path("metric").asText()));
        Set<String> ours = new TreeSet<>(spec.slo().stream().map(SloSpec::metric).toList());
        if (!theirs.equals(ours)) {
            problems.add("its SLO metrics " + theirs + " differ from the model's " + ours);
        }
        RunSpec run = spec.run();
        JsonNode settings = baseline.path("run");
        setting(problems, "duration_s", settings, run.durationS());
        setting(problems, "warmup_s", settings, run.warmupS());
        setting(problems, "replications", settings, run.replications());
        for (JsonNode entry : baseline.path("slo")) {
            String metric = entry.path("metric").asText();
            if (!metric.startsWith(SummaryBuilder.UPTIME_PREFIX) && !entry.path("per_replication").isArray()) {
                problems.add("its SLO entry " + metric + " has no per_replication values (written by an older"
                        + " capsim): regenerate the baseline");
            }
        }
        return List.copyOf(problems);
    }

    private static void setting(List<String> problems, String key, JsonNode settings, double ours) {
        JsonNode theirs = settings.path(key);
        if (!theirs.isNumber()) {
            problems.add("it has no run." + key);
        } else if (theirs.asDouble() != ours) {
            problems.add(String.format(Locale.ROOT, "it ran with run.%s = %s, this run with %s", key,
                    plain(theirs.asDouble()), plain(ours)));
        }
    }

    private static String plain(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
    }
}
