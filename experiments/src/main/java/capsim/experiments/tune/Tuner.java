package capsim.experiments.tune;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.exception.TooManyIterationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.apache.commons.math3.random.MersenneTwister;

/**
 * Minimises an objective over a box of parameters under constraints, within a budget of
 * evaluations (distinct configurations simulated).
 *
 * <p>The search is CMA-ES (Hansen, "The CMA Evolution Strategy: A Tutorial", 2016; Commons
 * Math's {@link CMAESOptimizer}), in the box scaled to [0, 1] per parameter. CMA-ES suits a
 * simulated objective: it needs no derivatives, tolerates noise and steps (a node count moves the
 * bill in steps; a constraint flips from met to missed), and it uses only the ranking of the
 * candidates, so a constraint can be imposed by ranking every infeasible candidate after every
 * feasible one, by how far it misses. BOBYQA, the other derivative-free optimiser of Commons
 * Math, fits quadratic models and is misled by exactly those steps. Integer parameters are
 * searched as integers: each candidate is rounded to the grid before it is evaluated, and a
 * configuration met again is not simulated again (common random numbers make it give the same
 * result). CMA-ES has half the budget; a compass search from its best candidate spends the rest,
 * refining down to one unit of each integer parameter, so the result is a local optimum of the
 * grid.
 */
public final class Tuner {
    /** Ranks an infeasible candidate after any feasible objective below this magnitude. */
    static final double INFEASIBLE = 1e12;

    /** A searched parameter: its range, and whether it takes whole values only. */
    public record Dimension(String path, double min, double max, boolean integer) {
    }

    private final List<Dimension> dimensions;
    private final int budget;
    private final long seed;

    /** A search over {@code dimensions} simulating at most {@code budget} configurations; {@code seed} drives CMA-ES. */
    public Tuner(List<Dimension> dimensions, int budget, long seed) {
        if (dimensions.isEmpty() || budget < 1) {
            throw new IllegalArgumentException("a search needs a parameter and a budget >= 1");
        }
        this.dimensions = List.copyOf(dimensions);
        this.budget = budget;
        this.seed = seed;
    }

    /** Every configuration evaluated, in order, by {@code evaluate} (parameter values in, candidate out). */
    public List<Candidate> search(Function<List<Double>, Candidate> evaluate) {
        Map<List<Double>, Candidate> seen = new LinkedHashMap<>();
        int[] cap = {Math.max(1, budget / 2)};
        Function<double[], Double> rank = unit -> {
            List<Double> point = point(unit);
            Candidate c = seen.get(point);
            if (c == null) {
                if (seen.size() >= cap[0]) {
                    throw new BudgetSpent();
                }
                c = evaluate.apply(point);
                seen.put(point, c);
            }
            return score(c);
        };
        int n = dimensions.size();
        double[] middle = new double[n];
        Arrays.fill(middle, 0.5);
        double[] sigma = new double[n];
        Arrays.fill(sigma, 0.3);
        double[] ones = new double[n];
        Arrays.fill(ones, 1);
        try {
            new CMAESOptimizer(budget * 50, 0, true, 0, 0, new MersenneTwister(seed), false, null).optimize(
                    new MaxEval(budget * 50), new MaxIter(budget * 50),
                    new ObjectiveFunction(rank::apply), GoalType.MINIMIZE, new InitialGuess(middle),
                    new SimpleBounds(new double[n], ones), new CMAESOptimizer.Sigma(sigma),
                    new CMAESOptimizer.PopulationSize(4 + (int) (3 * Math.log(n))));
        } catch (BudgetSpent | TooManyEvaluationsException | TooManyIterationsException stopped) {
            // its half of the budget is spent, or it kept meeting configurations already evaluated
        }
        cap[0] = budget;
        compass(seen, rank);
        return List.copyOf(seen.values());
    }

    /** The best of {@code candidates}: the feasible one of least objective, else the least infeasible. */
    public static Optional<Candidate> best(List<Candidate> candidates) {
        return candidates.stream().min((a, b) -> Double.compare(score(a), score(b)));
    }

    /**
     * Compass search (Kolda, Lewis and Torczon, SIAM Review 45(3), 2003) from the best candidate:
     * a step up and down each parameter, moving to the first that improves; when none does, the
     * steps halve, down to one unit of an integer parameter and 1% of a continuous one's range.
     */
    private void compass(Map<List<Double>, Candidate> seen, Function<double[], Double> rank) {
        double[] step = new double[dimensions.size()];
        double[] least = new double[dimensions.size()];
        for (int d = 0; d < step.length; d++) {
            Dimension dim = dimensions.get(d);
            double span = Math.max(1e-12, dim.max() - dim.min());
            least[d] = dim.integer() ? Math.min(1, 1 / span) : 0.01;
            step[d] = Math.max(least[d], 0.25);
        }
        try {
            while (true) {
                Candidate best = best(new ArrayList<>(seen.values())).orElseThrow();
                if (!improves(best, step, rank)) {
                    boolean halved = false;
                    for (int d = 0; d < step.length; d++) {
                        if (step[d] > least[d]) {
                            step[d] = Math.max(least[d], step[d] / 2);
                            halved = true;
                        }
                    }
                    if (!halved) {
                        return;
                    }
                }
            }
        } catch (BudgetSpent spent) {
            // the budget ends the search
        }
    }

    private boolean improves(Candidate best, double[] step, Function<double[], Double> rank) {
        for (int d = 0; d < step.length; d++) {
            for (int sign : new int[] {-1, 1}) {
                double[] unit = unit(best.params());
                unit[d] = Math.min(1, Math.max(0, unit[d] + sign * step[d]));
                if (rank.apply(unit) < score(best)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static double score(Candidate c) {
        return c.feasible() ? c.objective() : INFEASIBLE * (1 + c.violation());
    }

    /** The parameter values of a point of the unit box, integers rounded. */
    private List<Double> point(double[] unit) {
        List<Double> values = new ArrayList<>();
        for (int d = 0; d < unit.length; d++) {
            Dimension dim = dimensions.get(d);
            double x = dim.min() + Math.min(1, Math.max(0, unit[d])) * (dim.max() - dim.min());
            values.add(dim.integer() ? Math.round(x) : x);
        }
        return values;
    }

    private double[] unit(List<Double> params) {
        double[] unit = new double[params.size()];
        for (int d = 0; d < unit.length; d++) {
            Dimension dim = dimensions.get(d);
            unit[d] = dim.max() == dim.min() ? 0 : (params.get(d) - dim.min()) / (dim.max() - dim.min());
        }
        return unit;
    }

    /** Thrown through CMA-ES when the budget of evaluations is spent. */
    private static final class BudgetSpent extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BudgetSpent() {
            super("budget of evaluations spent", null, false, false);
        }
    }
}
