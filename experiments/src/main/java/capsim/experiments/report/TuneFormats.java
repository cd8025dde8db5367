package capsim.experiments.report;

import capsim.experiments.tune.Candidate;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The files of a tuning: {@code tune.csv} (the whole trace, one row per evaluation: its
 * parameters, the objective, each constraint's metric and {@code all_pass}) and
 * {@code tune.json} ({@code {parameters, objective, best: {params, value} | null, evaluations}}).
 */
public final class TuneFormats {
    public static final String CSV_FILE = "tune.csv";
    public static final String JSON_FILE = "tune.json";
    private static final int DECIMALS = 6;

    private TuneFormats() {
    }

    /**
     * tune.csv; {@code objective} values are as the metric reads ({@code maximize} undoes the
     * negation of the search).
     */
    public static String csv(List<String> parameters, String objective, boolean minimize, List<String> constraints,
                             List<Candidate> trace) {
        List<String> header = new ArrayList<>(List.of("evaluation"));
        header.addAll(parameters);
        header.add(objective);
        header.addAll(constraints);
        header.add("all_pass");
        StringBuilder b = new StringBuilder(Csv.line(header));
        for (int i = 0; i < trace.size(); i++) {
            Candidate c = trace.get(i);
            List<String> row = new ArrayList<>(List.of(Integer.toString(i + 1)));
            c.params().forEach(v -> row.add(Csv.number(v, DECIMALS)));
            row.add(Csv.number(minimize ? c.objective() : -c.objective(), DECIMALS));
            c.constraintValues().forEach(v -> row.add(Csv.number(v, DECIMALS)));
            row.add(Boolean.toString(c.feasible()));
            b.append(Csv.line(row));
        }
        return b.toString();
    }

    /** tune.json; {@code best} is null when no evaluated configuration meets every constraint. */
    public static ObjectNode json(List<String> parameters, String objective, boolean minimize,
                                  Optional<Candidate> best, List<Candidate> trace) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        ArrayNode names = root.putArray("parameters");
        parameters.forEach(names::add);
        root.put(minimize ? "minimize" : "maximize", objective);
        if (best.isPresent() && best.get().feasible()) {
            ObjectNode b = root.putObject("best");
            b.set("params", params(parameters, best.get()));
            b.put("value", minimize ? best.get().objective() : -best.get().objective());
        } else {
            root.putNull("best");
        }
        root.put("evaluations", trace.size());
        return root;
    }

    private static ObjectNode params(List<String> parameters, Candidate c) {
        ObjectNode params = JsonNodeFactory.instance.objectNode();
        for (int d = 0; d < parameters.size(); d++) {
            double v = c.params().get(d);
            if (v == Math.rint(v)) {
                params.put(parameters.get(d), (long) v);
            } else {
                params.put(parameters.get(d), v);
            }
        }
        return params;
    }
}
