package capsim.models.period;

import capsim.engine.kernel.Simulation;
import capsim.models.tier.Horizon;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The measured periods of one replication, in time order, their arrival spans disjoint. A
 * model class registers itself once ({@link #tier}, {@link #requestClass}, {@link #websocket})
 * and gets one recorder per period, indexed like {@link #all()}; it finds the period of an
 * arrival with {@link #indexAt}. Arrivals outside every period (a drain) are not measured.
 */
public final class Periods {
    private final List<Period> periods;
    private final double[] startsS;
    private final double[] endsS;
    /** The period {@link #indexAt} found last (a replication runs forward in time). */
    private int lastIndex;

    /** Periods in time order, none overlapping another's arrival span. */
    public Periods(List<Period> periods) {
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("no period to measure");
        }
        this.periods = List.copyOf(periods);
        startsS = new double[periods.size()];
        endsS = new double[periods.size()];
        for (int i = 0; i < startsS.length; i++) {
            Horizon h = periods.get(i).horizon();
            startsS[i] = h.warmupS();
            endsS[i] = h.endS();
            if (i > 0 && startsS[i] < endsS[i - 1]) {
                throw new IllegalArgumentException("period " + periods.get(i).name() + " starts before "
                        + periods.get(i - 1).name() + " ends");
            }
        }
    }

    /** One period, {@code main}, over {@code horizon}. */
    public static Periods of(Horizon horizon) {
        return new Periods(List.of(new Period(Period.MAIN, horizon)));
    }

    /** Every period, in time order. */
    public List<Period> all() {
        return periods;
    }

    public Period get(int index) {
        return periods.get(index);
    }

    /** The period named {@code name}. */
    public Period named(String name) {
        return periods.stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no period " + name));
    }

    /** The index of the period measuring an arrival at {@code timeS}, -1 when none does. */
    public int indexAt(double timeS) {
        int hint = lastIndex;
        if (timeS >= startsS[hint] && timeS < endsS[hint]) {
            return hint; // the common case: the period of the previous call
        }
        for (int i = 0; i < startsS.length; i++) {
            if (timeS < startsS[i]) {
                return -1;
            }
            if (timeS < endsS[i]) {
                lastIndex = i;
                return i;
            }
        }
        return -1;
    }

    /** Registers tier {@code name} of {@code workers} servers per node; its recorders, one per period. */
    public TierRecorder[] tier(String name, int workers) {
        TierRecorder[] recorders = new TierRecorder[periods.size()];
        for (int i = 0; i < recorders.length; i++) {
            recorders[i] = periods.get(i).addTier(name, workers);
        }
        return recorders;
    }

    /** Registers request class {@code name} (its latency also by {@code regions}); its recorders, one per period. */
    public ClassRecorder[] requestClass(String name, List<String> regions) {
        ClassRecorder[] recorders = new ClassRecorder[periods.size()];
        for (int i = 0; i < recorders.length; i++) {
            recorders[i] = periods.get(i).addClass(name, regions);
        }
        return recorders;
    }

    /** Registers the WebSocket load; its recorders, one per period. */
    public WebSocketRecorder[] websocket() {
        WebSocketRecorder[] recorders = new WebSocketRecorder[periods.size()];
        for (int i = 0; i < recorders.length; i++) {
            recorders[i] = periods.get(i).addWebSocket();
        }
        return recorders;
    }

    /**
     * Closes each window of every period at its end, the last one at the period's stop (after its
     * drain), so that what arrived in a period and finished in its drain still counts; the period
     * stops then (its unfinished requests are counted). The time-series windows, where they are
     * kept apart, close the same way, before the uptime windows closing at the same time.
     */
    public void scheduleWindows(Simulation sim) {
        scheduleWindows(sim, p -> true);
    }

    /** As {@link #scheduleWindows(Simulation)}, for the periods {@code now} accepts only. */
    public void scheduleWindows(Simulation sim, Predicate<Period> now) {
        for (Period p : periods) {
            if (!now.test(p)) {
                continue;
            }
            Horizon h = p.horizon();
            if (h.separateSeries()) {
                schedule(sim, h, h.seriesWindows(), h.seriesS(), p::closeSeriesWindow);
            }
            schedule(sim, h, h.windows(), h.windowS(), (w, nowS) -> {
                p.closeWindow(w, nowS);
                if (w == h.windows() - 1) {
                    p.stop(h.stopS());
                }
            });
        }
    }

    /**
     * Closes uptime windows {@code from} to {@code to} - 1 of {@code period} (one whose windows
     * were left out of {@link #scheduleWindows(Simulation, Predicate)}) at their ends; with a
     * {@code stopS} (not NaN), window {@code to} - 1 is its last: it closes at {@code stopS},
     * after the drain, and the period stops then. Its time-series windows are its uptime windows.
     */
    public void scheduleWindows(Simulation sim, Period period, int from, int to, double stopS) {
        Horizon h = period.horizon();
        for (int i = from; i < to; i++) {
            int w = i;
            boolean last = i == to - 1 && !Double.isNaN(stopS);
            double endS = last ? stopS : h.warmupS() + (i + 1) * h.windowS();
            sim.schedule(endS, () -> {
                period.closeWindow(w, endS);
                if (last) {
                    period.stop(endS);
                }
            });
        }
    }

    /** Schedules {@code close} of each of {@code windows} windows of {@code lengthS}, the last at the stop. */
    private static void schedule(Simulation sim, Horizon h, int windows, double lengthS, WindowClose close) {
        for (int i = 0; i < windows; i++) {
            int w = i;
            double endS = i == windows - 1 ? h.stopS() : h.warmupS() + (i + 1) * lengthS;
            sim.schedule(endS, () -> close.close(w, endS));
        }
    }

    /** Closes window {@code w} at {@code nowS}. */
    private interface WindowClose {
        void close(int w, double nowS);
    }

    /** Names of the periods, for messages. */
    @Override
    public String toString() {
        List<String> names = new ArrayList<>();
        periods.forEach(p -> names.add(p.name() + " " + p.horizon().warmupS() + ".." + p.horizon().endS()));
        return String.join(", ", names);
    }
}
