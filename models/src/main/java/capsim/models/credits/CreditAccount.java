package capsim.models.credits;

import capsim.models.catalog.NodeType.BurstCredits;
import capsim.models.spec.CreditsSpec;

/**
 * The CPU-credit balance of one burstable node (AWS EC2 user guide, burstable performance
 * instances): one credit is one vCPU at 100% for one minute; the node earns
 * {@code earned_per_hour} continuously while it runs and spends one credit per vCPU-minute of
 * work; the balance is capped at {@code max_balance}. In standard mode it cannot fall below 0;
 * in unlimited mode it goes negative and the negative part is the surplus AWS bills.
 *
 * <p>CPU time is taken as booked by the node's station ({@link capsim.models.tier.Node#cpuS()}):
 * FCFS books a job's service when it is admitted, so the balance leads the exact one by the work
 * admitted but not yet done (a few service times at moderate load). A worker stands for
 * {@code min(1, vcpu / workers)} vCPUs: one thread per vCPU at most, several threads sharing the
 * vCPUs when there are more workers than vCPUs.
 */
final class CreditAccount {
    private final double earnPerS;
    private final double maxBalance;
    private final double creditsPerCpuS;
    private final boolean standard;
    private double balance;
    private double lastS;
    private double lastCpuS;
    private double spentCredits;
    private double earnedCredits;
    private double emptyAtS = Double.NaN;
    private boolean throttled;
    private boolean closed;

    /** An account opened at {@code startS}, when the node had booked {@code cpuS} CPU-seconds. */
    CreditAccount(BurstCredits type, double vcpuPerWorker, CreditsSpec spec, double startS, double cpuS) {
        this.earnPerS = type.earnedPerHour() / 3600.0;
        this.maxBalance = type.maxBalance();
        this.creditsPerCpuS = vcpuPerWorker / 60.0;
        this.standard = spec.mode() == CreditsSpec.Mode.STANDARD;
        this.balance = Math.min(spec.initialCredits(), maxBalance);
        this.lastS = startS;
        this.lastCpuS = cpuS;
    }

    /**
     * Brings the balance to {@code nowS}: earns over [last update, {@code earnUntilS}] (the node
     * stops earning when it stops) and spends the CPU time booked since, {@code cpuS} CPU-seconds in all.
     */
    void advance(double nowS, double earnUntilS, double cpuS) {
        double earn = earnPerS * Math.max(0, Math.min(nowS, earnUntilS) - lastS);
        double spend = (cpuS - lastCpuS) * creditsPerCpuS;
        double before = balance;
        double after = before + earn - spend;
        if (Double.isNaN(emptyAtS) && after <= 0 && spend > earn) {
            // the balance fell linearly from `before` to `after` over the interval
            emptyAtS = before > 0 ? lastS + (nowS - lastS) * before / (before - after) : lastS;
        }
        balance = Math.min(maxBalance, standard ? Math.max(0, after) : after);
        spentCredits += spend;
        earnedCredits += earn;
        lastS = nowS;
        lastCpuS = cpuS;
    }

    /** Credits now; negative in unlimited mode when surplus credits are owed. */
    double balance() {
        return balance;
    }

    /** Surplus credits owed now (unlimited mode): the negative part of the balance. */
    double surplusCredits() {
        return Math.max(0, -balance);
    }

    /** Credits spent since the account opened. */
    double spentCredits() {
        return spentCredits;
    }

    /** Credits earned since the account opened, counted before the cap. */
    double earnedCredits() {
        return earnedCredits;
    }

    /** When the balance first ran out while the node spent more than it earned; NaN if never. */
    double emptyAtS() {
        return emptyAtS;
    }

    /** Time of the last update, seconds. */
    double lastS() {
        return lastS;
    }

    boolean throttled() {
        return throttled;
    }

    void throttled(boolean value) {
        throttled = value;
    }

    /** True once the node has stopped and its last earnings are booked. */
    boolean closed() {
        return closed;
    }

    void close() {
        closed = true;
    }
}
