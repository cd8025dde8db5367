package capsim.engine.dist;

/**
 * The two-moment families given by a mean and a coefficient of variation (lognormal, gamma,
 * Weibull): they hold both, so {@link #mean()} is exactly the given mean and the variance is
 * (cv mean)^2; two are equal when family, mean and cv are.
 */
abstract sealed class MeanCvDistribution implements Distribution permits LogNormal, Gamma, Weibull {
    private final double mean;
    private final double cv;

    MeanCvDistribution(String family, double mean, double cv) {
        this.mean = Require.positive(family + " mean", mean);
        this.cv = Require.positive(family + " cv", cv);
    }

    @Override
    public final double mean() {
        return mean;
    }

    @Override
    public final double cv() {
        return cv;
    }

    @Override
    public final double variance() {
        double sd = cv * mean;
        return sd * sd;
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && Double.compare(mean, ((MeanCvDistribution) o).mean) == 0
                && Double.compare(cv, ((MeanCvDistribution) o).cv) == 0;
    }

    @Override
    public final int hashCode() {
        return 31 * (31 * getClass().hashCode() + Double.hashCode(mean)) + Double.hashCode(cv);
    }

    @Override
    public final String toString() {
        return getClass().getSimpleName() + "[mean=" + mean + ", cv=" + cv + "]";
    }
}
