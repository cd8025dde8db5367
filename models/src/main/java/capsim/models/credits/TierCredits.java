package capsim.models.credits;

import capsim.engine.kernel.Simulation;
import capsim.models.catalog.Catalog;
import capsim.models.catalog.NodeType;
import capsim.models.catalog.NodeType.BurstCredits;
import capsim.models.spec.CreditsSpec;
import capsim.models.tier.Horizon;
import capsim.models.tier.Node;
import capsim.models.tier.SpeedFactor;
import capsim.models.tier.Tier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;

/**
 * The CPU credits of a tier of burstable nodes (t3.*, cache.t3.*, db.t3.*; AWS EC2 user guide,
 * burstable performance instances), with one {@link CreditAccount} per node, opened at its launch.
 *
 * <p>The accounts are brought up to date at checks: every {@value #TICK_S} s, and sooner while a
 * standard-mode node at full speed could empty its balance (after balance / (vCPU-minutes at
 * full load - earnings) seconds, at least {@value #MIN_CHECK_S} s), so a balance is seen to run
 * out within that resolution. In standard mode a node whose balance is 0 is held at baseline:
 * its {@link SpeedFactor#CREDITS} factor becomes {@code baseline_per_vcpu} (on top of its CPU
 * speed; an FCFS node applies it to jobs admitted from then on), and it returns to full speed at
 * the first check that finds credits again. Credits count CPU time ({@link Node#cpuS()}): a
 * faster CPU spends fewer of them on the same demand. Since work is booked when it is admitted, a node that demands more than baseline keeps
 * spending what it earns and stays at baseline; one that demands less earns credits back and
 * bursts with them. In unlimited mode the speed stays 1 and the balance goes negative. At each
 * check the tier's periods are told the mean balance of its running nodes (the time series's
 * credit balance).
 */
public final class TierCredits {
    /** Longest time between two checks, seconds. */
    static final double TICK_S = 5;
    /** Shortest time between two checks, seconds. */
    static final double MIN_CHECK_S = 0.25;

    private final Tier tier;
    private final Simulation sim;
    private final Horizon horizon;
    private final BurstCredits type;
    private final CreditsSpec spec;
    private final double vcpuPerWorker;
    private final double maxDrainPerS;
    private final List<CreditAccount> accounts = new ArrayList<>();
    private double throttledNodeS;
    private double spentAtStart;
    private double earnedAtStart;
    private double surplusAtStart;
    private CreditUsage measured;

    /** Credits of {@code tier}, whose nodes have {@code vcpu} vCPUs and earn as {@code type}. */
    public TierCredits(Tier tier, BurstCredits type, int vcpu, CreditsSpec spec, Simulation sim, Horizon horizon) {
        this.tier = tier;
        this.sim = sim;
        this.horizon = horizon;
        this.type = type;
        this.spec = spec;
        this.vcpuPerWorker = Math.min(1.0, (double) vcpu / tier.workers());
        this.maxDrainPerS = tier.workers() * vcpuPerWorker / 60.0 - type.earnedPerHour() / 3600.0;
    }

    /**
     * Starts the credits of every tier whose node type earns credits in {@code catalog} (with its
     * {@code credits:} settings, else {@link CreditsSpec#DEFAULT}); by tier name.
     */
    public static Map<String, TierCredits> start(Map<String, Tier> tiers, Catalog catalog, Simulation sim,
                                                 Horizon horizon) {
        Map<String, TierCredits> credits = new LinkedHashMap<>();
        tiers.forEach((name, tier) -> catalog.find(tier.spec().node()).ifPresent(nodeType -> {
            if (nodeType.credits().isPresent()) {
                TierCredits c = new TierCredits(tier, nodeType.credits().get(), nodeType.vcpu(),
                        tier.spec().operations().credits().orElse(CreditsSpec.DEFAULT), sim, horizon);
                c.start();
                credits.put(name, c);
            }
        }));
        return credits;
    }

    /** Schedules the first check now, and the bookings at the start and end of the measured period. */
    public void start() {
        sim.schedule(sim.now(), this::tick);
        sim.schedule(horizon.warmupS(), () -> {
            update();
            spentAtStart = sum(CreditAccount::spentCredits);
            earnedAtStart = sum(CreditAccount::earnedCredits);
            surplusAtStart = sum(CreditAccount::surplusCredits);
        });
        sim.schedule(horizon.endS(), () -> {
            update();
            measured = usageNow();
        });
    }

    /** Credits over the measured period (once it has ended), else up to now from its start. */
    public CreditUsage usage() {
        return measured != null ? measured : usageNow();
    }

    /** The mode of this tier's nodes. */
    public CreditsSpec.Mode mode() {
        return spec.mode();
    }

    /** Balance of node {@code id} at the last check, credits. */
    public double balance(int id) {
        return accounts.get(id).balance();
    }

    private CreditUsage usageNow() {
        double first = Double.POSITIVE_INFINITY;
        for (CreditAccount a : accounts) {
            if (!Double.isNaN(a.emptyAtS())) {
                first = Math.min(first, a.emptyAtS());
            }
        }
        return new CreditUsage(spec.mode(), sum(CreditAccount::spentCredits) - spentAtStart,
                sum(CreditAccount::earnedCredits) - earnedAtStart,
                Math.max(0, sum(CreditAccount::surplusCredits) - surplusAtStart), throttledNodeS,
                first == Double.POSITIVE_INFINITY ? OptionalDouble.empty() : OptionalDouble.of(first));
    }

    private double sum(ToDoubleFunction<CreditAccount> f) {
        double s = 0;
        for (CreditAccount a : accounts) {
            s += f.applyAsDouble(a);
        }
        return s;
    }

    private void tick() {
        double nextS = update();
        sim.schedule(sim.now() + nextS, this::tick);
    }

    /** Brings every account to now and sets speeds; returns the time until the next check. */
    private double update() {
        double now = sim.now();
        List<Node> nodes = tier.nodes();
        for (int i = accounts.size(); i < nodes.size(); i++) {
            Node n = nodes.get(i);
            accounts.add(new CreditAccount(type, vcpuPerWorker, spec, n.launchedS(), 0));
        }
        double untilEmptyS = TICK_S;
        double balance = 0;
        int open = 0;
        for (int i = 0; i < nodes.size(); i++) {
            Node node = nodes.get(i);
            CreditAccount a = accounts.get(i);
            if (a.closed()) {
                continue;
            }
            if (a.throttled()) {
                double from = Math.max(a.lastS(), horizon.warmupS());
                double to = Math.min(now, horizon.endS());
                throttledNodeS += Math.max(0, to - from);
            }
            boolean stopped = node.state() == Node.State.STOPPED;
            a.advance(now, stopped ? node.stateSinceS() : now, node.cpuS());
            if (!stopped) {
                balance += a.balance();
                open++;
            }
            if (stopped) {
                a.close();
            } else if (spec.mode() == CreditsSpec.Mode.STANDARD) {
                boolean throttle = a.balance() <= 0;
                if (throttle != a.throttled()) {
                    node.setSpeedFactor(SpeedFactor.CREDITS, throttle ? type.baselinePerVcpu() : 1);
                    a.throttled(throttle);
                }
                if (!throttle && maxDrainPerS > 0) {
                    untilEmptyS = Math.min(untilEmptyS, a.balance() / maxDrainPerS);
                }
            }
        }
        tier.credits(open == 0 ? 0 : balance / open);
        return Math.max(MIN_CHECK_S, untilEmptyS);
    }
}
