package capsim.experiments.tune;

import java.util.List;

/**
 * One evaluated configuration: its parameter values (in parameter order), the objective, the
 * value of each constraint's metric (in constraint order) and how far the constraints are
 * violated (0 when every one holds: the sum over constraints of the relative shortfall).
 */
public record Candidate(List<Double> params, double objective, List<Double> constraintValues, double violation) {
    public Candidate {
        params = List.copyOf(params);
        constraintValues = List.copyOf(constraintValues);
    }

    public boolean feasible() {
        return violation == 0;
    }
}
