package capsim.engine.dist;

import capsim.engine.random.RandomStream;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.special.Gamma;

/**
 * Weibull distribution given by its mean and coefficient of variation. The shape k solves
 * cv^2 = Gamma(1 + 2/k) / Gamma(1 + 1/k)^2 - 1 (Law, "Simulation Modeling and Analysis", 5th ed.,
 * section 6.2.2), found with Brent's method on ln k in [ln 0.02, ln 1000] using log-gamma so that
 * nothing overflows; the scale is lambda = mean / Gamma(1 + 1/k). Sampled by inversion:
 * lambda (-ln U)^(1/k). Supported cv: [0.002, 1000] (k from about 640 down to 0.089).
 */
public final class Weibull extends MeanCvDistribution {
    /** Smallest and largest supported coefficient of variation. */
    public static final double MIN_CV = 0.002;
    public static final double MAX_CV = 1000;
    private static final double MIN_LN_SHAPE = Math.log(0.02);
    private static final double MAX_LN_SHAPE = Math.log(1000);

    private final double shape;
    private final double scale;
    private final double inverseShape;

    private Weibull(double mean, double cv, double shape) {
        super("weibull", mean, cv);
        this.shape = shape;
        this.scale = mean / Gamma.gamma(1 + 1 / shape);
        this.inverseShape = 1 / shape;
    }

    /** The Weibull with this mean (> 0) and coefficient of variation (in [MIN_CV, MAX_CV]). */
    public static Weibull ofMeanCv(double mean, double cv) {
        Require.positive("weibull mean", mean);
        if (!(cv >= MIN_CV && cv <= MAX_CV)) {
            throw new IllegalArgumentException("weibull cv must be in [" + MIN_CV + ", " + MAX_CV + "], was " + cv);
        }
        return new Weibull(mean, cv, shapeForCv(cv));
    }

    /** The shape k whose Weibull has coefficient of variation {@code cv}. */
    static double shapeForCv(double cv) {
        double lnOnePlusCv2 = Math.log1p(cv * cv);
        BrentSolver solver = new BrentSolver(1e-15, 1e-14);
        double lnShape = solver.solve(200, lnK -> {
            double k = Math.exp(lnK);
            return Gamma.logGamma(1 + 2 / k) - 2 * Gamma.logGamma(1 + 1 / k) - lnOnePlusCv2;
        }, MIN_LN_SHAPE, MAX_LN_SHAPE);
        return Math.exp(lnShape);
    }

    /** Shape k. */
    public double shape() {
        return shape;
    }

    /** Scale lambda = mean / Gamma(1 + 1/k). */
    public double scale() {
        return scale;
    }

    @Override
    public double sample(RandomStream rng) {
        return scale * Math.pow(-Math.log(rng.nextOpenDouble()), inverseShape);
    }

    @Override
    public Distribution scaled(double factor) {
        return new Weibull(mean() * Require.factor(factor), cv(), shape);
    }
}
