package capsim.models.workload;

/** An arrival rate that varies over simulated time, bounded above by {@link #maxPerS()}. */
public interface RateFunction {
    double ratePerS(double tS);

    double maxPerS();
}
