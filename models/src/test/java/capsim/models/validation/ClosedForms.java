package capsim.models.validation;

import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.analysis.solvers.BrentSolver;

/**
 * Closed forms of classical queues and arrival processes, the independent truth the simulated
 * models are checked against. Rates are per second, times in seconds. Sources:
 * <ul>
 *   <li>L. Kleinrock, "Queueing Systems", vol. 1 (1975): ch. 3 (M/M/c, Erlang B and C,
 *       M/M/1/K), ch. 6 (G/M/1: the response time is exponential with rate mu (1 - sigma),
 *       sigma the root in (0, 1) of sigma = A*(mu - mu sigma), A* the Laplace transform of an
 *       inter-arrival time);</li>
 *   <li>F. Baccelli, P. Boyer and G. Hebuterne, "Single-server queues with impatient
 *       customers", Adv. Appl. Prob. 16 (1984): M/M/1+D, deterministic patience;</li>
 *   <li>M. Reiser and S. Lavenberg, "Mean-value analysis of closed multichain queuing
 *       networks", J. ACM 27 (1980): exact MVA;</li>
 *   <li>W. Fischer and K. Meier-Hellstern, "The Markov-modulated Poisson process (MMPP)
 *       cookbook", Performance Evaluation 18 (1993): counts of the two-state MMPP.</li>
 * </ul>
 */
final class ClosedForms {
    private ClosedForms() {
    }

    /** Erlang B: blocking of M/G/c/c at {@code a} Erlang (stable recursion B_k = a B_{k-1} / (k + a B_{k-1})). */
    static double erlangB(int c, double a) {
        double b = 1;
        for (int k = 1; k <= c; k++) {
            b = a * b / (k + a * b);
        }
        return b;
    }

    /** Erlang C: probability of waiting in M/M/c at {@code a} < c Erlang, C = c B / (c - a (1 - B)). */
    static double erlangC(int c, double a) {
        double b = erlangB(c, a);
        return c * b / (c - a * (1 - b));
    }

    /** M/M/c mean response C / (c mu - lambda) + 1 / mu. */
    static double mmcMeanResponse(int c, double lambda, double mu) {
        return erlangC(c, lambda / mu) / (c * mu - lambda) + 1 / mu;
    }

    /**
     * M/M/c response-time tail P(W + S > t): P(W > t) = C e^{-theta t}, theta = c mu - lambda,
     * S ~ Exp(mu) independent of W, so P(W + S > t) = (1 - C) e^{-mu t}
     * + C (theta e^{-mu t} - mu e^{-theta t}) / (theta - mu) (theta != mu).
     */
    static double mmcResponseTail(int c, double lambda, double mu, double t) {
        double waits = erlangC(c, lambda / mu);
        double theta = c * mu - lambda;
        double sum = (theta * Math.exp(-mu * t) - mu * Math.exp(-theta * t)) / (theta - mu);
        return (1 - waits) * Math.exp(-mu * t) + waits * sum;
    }

    /** M/M/c response-time quantile: the root of P(W + S > t) = 1 - p (Brent's method). */
    static double mmcResponseQuantile(int c, double lambda, double mu, double p) {
        double slower = Math.min(c * mu - lambda, mu);
        // below the Erlang-2 tail at the slower rate, which is under 1 - p well before this bound
        double upper = (2 * -Math.log(1 - p) + 10) / slower;
        return root(t -> mmcResponseTail(c, lambda, mu, t) - (1 - p), 0, upper);
    }

    /**
     * M/M/1/K blocking probability (K = room for one in service and K - 1 waiting):
     * P_K = (1 - rho) rho^K / (1 - rho^{K+1}), rho = lambda / mu != 1.
     */
    static double mm1kBlocking(double lambda, double mu, int k) {
        double rho = lambda / mu;
        return (1 - rho) * Math.pow(rho, k) / (1 - Math.pow(rho, k + 1));
    }

    /**
     * M/M/1+D, FCFS with deterministic patience {@code tau}: a customer whose wait would exceed
     * tau leaves without service. The workload V has an atom pi0 at 0 and density
     * lambda pi0 e^{-(mu - lambda) v} on (0, tau], lambda pi0 e^{-(mu - lambda) tau} e^{-mu (v - tau)}
     * beyond (level crossing: only arrivals finding V <= tau add work), so
     * P(abandon) = P(V > tau) = rho e (1 - rho) / (1 - rho^2 e), e = e^{-(mu - lambda) tau}
     * (valid for any rho != 1; Baccelli, Boyer and Hebuterne 1984).
     */
    static double mm1PatienceAbandonment(double lambda, double mu, double tau) {
        double rho = lambda / mu;
        double e = Math.exp(-(mu - lambda) * tau);
        return rho * e * (1 - rho) / (1 - rho * rho * e);
    }

    /**
     * E_k/M/1 mean response: inter-arrival times Erlang-k with phase rate {@code phaseRate}
     * (A*(s) = (phaseRate / (phaseRate + s))^k), exponential service at mu; the response time is
     * Exp(mu (1 - sigma)), sigma the root in (0, 1) of sigma = A*(mu (1 - sigma)). Round robin
     * over k nodes of a Poisson stream at lambda gives each node exactly this with phaseRate =
     * lambda.
     */
    static double ekm1MeanResponse(int k, double phaseRate, double mu) {
        double sigma = root(s -> Math.pow(phaseRate / (phaseRate + mu * (1 - s)), k) - s, 1e-12,
                1 - 1e-12);
        return 1 / (mu * (1 - sigma));
    }

    /**
     * Throughput of a closed network of {@code users} with exponential think time
     * {@code thinkS} (a delay station; insensitive to its distribution) and one FCFS station of
     * exponential service {@code serviceS} (the machine-repairman M/M/1//N), by exact MVA:
     * R(n) = S (1 + Q(n - 1)), X(n) = n / (Z + R(n)), Q(n) = X(n) R(n), Q(0) = 0.
     */
    static double mvaThroughput(int users, double thinkS, double serviceS) {
        double queue = 0;
        double throughput = 0;
        for (int n = 1; n <= users; n++) {
            double response = serviceS * (1 + queue);
            throughput = n / (thinkS + response);
            queue = throughput * response;
        }
        return throughput;
    }

    /**
     * Index of dispersion Var N(t) / E N(t) of the counts of a stationary two-state MMPP with
     * arrival rates l1, l2 and leaving rates r1 (from state 1), r2 (from state 2) over a window
     * of t seconds: 1 + 2 (l1 - l2)^2 r1 r2 / ((r1 + r2)^3 mean) (1 - (1 - e^{-r t}) / (r t)),
     * r = r1 + r2, mean = (l1 r2 + l2 r1) / r (Fischer and Meier-Hellstern 1993, section 4).
     */
    static double mmpp2Dispersion(double l1, double l2, double r1, double r2, double t) {
        double r = r1 + r2;
        double mean = (l1 * r2 + l2 * r1) / r;
        double asymptotic = 2 * (l1 - l2) * (l1 - l2) * r1 * r2 / (r * r * r * mean);
        return 1 + asymptotic * (1 - (1 - Math.exp(-r * t)) / (r * t));
    }

    private static double root(UnivariateFunction f, double lo, double hi) {
        return new BrentSolver(1e-14, 1e-14).solve(500, f, lo, hi);
    }
}
