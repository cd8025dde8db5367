package capsim.engine.validation;

import org.apache.commons.math3.analysis.solvers.BrentSolver;

/**
 * Closed forms of classical queues, the independent truth the simulated stations are checked
 * against. Sources: L. Kleinrock, "Queueing Systems", vol. 1 (1975), ch. 3 (M/M/1, M/M/c,
 * Erlang B and C) and ch. 5 (M/G/1, Pollaczek-Khinchine); vol. 2 (1976), ch. 4 (M/G/1-PS).
 * Rates are per second, times in seconds.
 */
final class QueueingFormulas {
    private QueueingFormulas() {
    }

    /** Erlang B: blocking probability of M/G/c/c with offered load {@code a} Erlang (stable recursion B_k = a B_{k-1} / (k + a B_{k-1})). */
    static double erlangB(int c, double a) {
        double b = 1;
        for (int k = 1; k <= c; k++) {
            b = a * b / (k + a * b);
        }
        return b;
    }

    /** Erlang C: probability of waiting in M/M/c with offered load {@code a} < c Erlang, C = c B / (c - a (1 - B)). */
    static double erlangC(int c, double a) {
        if (!(a < c)) {
            throw new IllegalArgumentException("unstable: offered load " + a + " >= " + c + " servers");
        }
        double b = erlangB(c, a);
        return c * b / (c - a * (1 - b));
    }

    /** M/M/1 mean response time 1 / (mu - lambda). */
    static double mm1MeanResponse(double lambda, double mu) {
        return 1 / (mu - lambda);
    }

    /** M/M/1 response-time quantile: the response time is exponential with rate mu - lambda, so -ln(1 - p) / (mu - lambda). */
    static double mm1ResponseQuantile(double lambda, double mu, double p) {
        return -Math.log(1 - p) / (mu - lambda);
    }

    /** M/M/c mean wait in queue C / (c mu - lambda). */
    static double mmcMeanWait(int c, double lambda, double mu) {
        return erlangC(c, lambda / mu) / (c * mu - lambda);
    }

    /**
     * M/M/c response-time tail P(W + S > t), W the FCFS wait, S ~ Exp(mu) independent of it:
     * P(W > t) = C e^{-theta t} with theta = c mu - lambda, so
     * P(W + S > t) = (1 - C) e^{-mu t} + C (theta e^{-mu t} - mu e^{-theta t}) / (theta - mu),
     * and (1 + mu t) e^{-mu t} in place of the last fraction when theta = mu.
     */
    static double mmcResponseTail(int c, double lambda, double mu, double t) {
        double waitProbability = erlangC(c, lambda / mu);
        double theta = c * mu - lambda;
        double hypo = theta == mu
                ? (1 + mu * t) * Math.exp(-mu * t)
                : (theta * Math.exp(-mu * t) - mu * Math.exp(-theta * t)) / (theta - mu);
        return (1 - waitProbability) * Math.exp(-mu * t) + waitProbability * hypo;
    }

    /** M/M/c response-time quantile: the root of P(W + S > t) = 1 - p (Brent's method). */
    static double mmcResponseQuantile(int c, double lambda, double mu, double p) {
        double target = 1 - p;
        // the tail is at most the tail of W + S with both at the slower rate min(theta, mu),
        // an Erlang-2 tail (1 + r t) e^{-r t}, which is below 1 - p well before this bound
        double slower = Math.min(c * mu - lambda, mu);
        double upper = 2 * -Math.log(target) / slower + 10 / slower;
        return new BrentSolver(1e-12, 1e-12).solve(200, t -> mmcResponseTail(c, lambda, mu, t) - target, 0, upper);
    }

    /** Pollaczek-Khinchine mean wait of M/G/1: lambda E[S^2] / (2 (1 - rho)), rho = lambda E[S]. */
    static double pollaczekKhinchineMeanWait(double lambda, double meanS, double secondMomentS2) {
        double rho = lambda * meanS;
        return lambda * secondMomentS2 / (2 * (1 - rho));
    }

    /** M/D/1 mean wait rho / (2 mu (1 - rho)). */
    static double md1MeanWait(double lambda, double mu) {
        double rho = lambda / mu;
        return rho / (2 * mu * (1 - rho));
    }

    /** M/G/1-PS mean response of a job of size {@code x}: x / (1 - rho). */
    static double psConditionalMeanResponse(double x, double rho) {
        return x / (1 - rho);
    }
}
