package capsim.models.failure;

/**
 * How a cache that came back empty refills: its hit ratio rises from 0 towards the steady one
 * as h(t) = h x (1 - exp(-t / tau)), with tau = refill_s / ln 20, so that it is back to 95% of
 * h after {@code refill_s}.
 *
 * <p>Why exponential: under the independent reference model (each key requested as a Poisson
 * stream of its own rate; Coffman and Denning, <i>Operating Systems Theory</i>, 1973) a key is
 * cached again after its first miss, so key k is back by time t with probability
 * 1 - exp(-r_k t). With equally popular keys the hit ratio climbs exactly as above; skewed (Zipf)
 * popularity refills faster at first and slower at the end, which the one time constant
 * averages. A linear ramp would stop suddenly at refill_s, which no cache does.
 */
public final class CacheRefill {
    /** ln 20: the refill time reaches 95% of the steady hit ratio. */
    private static final double LN_20 = Math.log(20);

    private CacheRefill() {
    }

    /** The fraction (0..1) of the steady hit ratio reached {@code sinceS} seconds after a cold start. */
    public static double warmth(double sinceS, double refillS) {
        if (!(sinceS < 50 * refillS)) {
            return 1;
        }
        return sinceS <= 0 ? 0 : -Math.expm1(-sinceS * LN_20 / refillS);
    }
}
