package capsim.experiments.calibrate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.WeibullDistribution;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

/**
 * Maximum-likelihood fits of lognormal, gamma and Weibull to positive samples, each with its
 * Kolmogorov-Smirnov statistic (the largest distance between the fitted and the empirical
 * distribution function); {@link #best} is the one with the smallest.
 * Lognormal: mu and sigma are the mean and (1/n) standard deviation of ln x. Gamma: the shape k
 * solves ln k - digamma(k) = ln(mean x) - mean(ln x) (Newton, from Minka's approximation),
 * scale mean / k. Weibull: the shape k solves sum x^k ln x / sum x^k - 1/k = mean(ln x)
 * (Brent), scale (sum x^k / n)^(1/k).
 */
public record ServiceFit(String dist, double mean, double cv, double ks) {
    /** Fits the three families to {@code x} (all > 0) and returns them, best first. */
    public static List<ServiceFit> fitAll(double[] x) {
        int n = x.length;
        double sum = 0;
        double sumLog = 0;
        double sumLog2 = 0;
        for (double v : x) {
            double l = Math.log(v);
            sum += v;
            sumLog += l;
            sumLog2 += l * l;
        }
        double mean = sum / n;
        double meanLog = sumLog / n;
        double sdLog = Math.sqrt(Math.max(1e-12, sumLog2 / n - meanLog * meanLog));
        List<ServiceFit> fits = new ArrayList<>();
        KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();

        LogNormalDistribution ln = new LogNormalDistribution(null, meanLog, sdLog);
        fits.add(new ServiceFit("lognormal", ln.getNumericalMean(), cv(ln), ks.kolmogorovSmirnovStatistic(ln, x)));

        double s = Math.log(mean) - meanLog;
        double k = (3 - s + Math.sqrt((s - 3) * (s - 3) + 24 * s)) / (12 * s);
        for (int i = 0; i < 50; i++) {
            double step = (Math.log(k) - Gamma.digamma(k) - s) / (1 / k - Gamma.trigamma(k));
            k -= step;
            if (Math.abs(step) < 1e-10 * k) {
                break;
            }
        }
        GammaDistribution gamma = new GammaDistribution(null, k, mean / k);
        fits.add(new ServiceFit("gamma", gamma.getNumericalMean(), cv(gamma), ks.kolmogorovSmirnovStatistic(gamma, x)));

        double[] scaled = new double[n];
        for (int i = 0; i < n; i++) {
            scaled[i] = x[i] / mean; // keeps x^k in range; the shape does not depend on the scale
        }
        double meanLogScaled = meanLog - Math.log(mean);
        double shape = new BrentSolver(1e-10).solve(200, kk -> {
            double a = 0;
            double b = 0;
            for (double v : scaled) {
                double p = Math.pow(v, kk);
                a += p * Math.log(v);
                b += p;
            }
            return a / b - 1 / kk - meanLogScaled;
        }, 0.05, 20);
        double sk = 0;
        for (double v : scaled) {
            sk += Math.pow(v, shape);
        }
        WeibullDistribution weibull = new WeibullDistribution(null, shape, mean * Math.pow(sk / n, 1 / shape));
        fits.add(new ServiceFit("weibull", weibull.getNumericalMean(), cv(weibull),
                ks.kolmogorovSmirnovStatistic(weibull, x)));
        fits.sort(Comparator.comparingDouble(ServiceFit::ks));
        return fits;
    }

    private static double cv(RealDistribution d) {
        return Math.sqrt(d.getNumericalVariance()) / d.getNumericalMean();
    }
}
