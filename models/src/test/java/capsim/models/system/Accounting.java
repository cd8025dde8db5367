package capsim.models.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import capsim.engine.stats.LatencyRecorder;
import capsim.models.system.ReplicationResult.ClassResult;
import capsim.models.system.ReplicationResult.TierResult;
import capsim.models.system.ReplicationResult.WindowClass;
import capsim.models.system.ReplicationResult.WindowRow;
import java.util.List;
import java.util.Map;

/**
 * The accounting every model run must satisfy, asserted by the model tests on each replication
 * they run: for every class, arrived = completed + rejected + timed out + unfinished; its
 * latencies are the completed requests plus the unfinished ones (at their age); its regions'
 * latencies add up to them; in both its uptime and its time-series windows, the arrivals add up
 * to the arrived requests, the counts to the completed ones and the errors to the failed and
 * unfinished ones; and the failed visits of the tiers add up to the
 * failed requests plus the failed visits of the WebSocket load (whose failures are no request's).
 * For the WebSocket load, every published message is delivered, dropped or unfinished, and a
 * message is dropped whenever a copy of it was lost.
 */
public final class Accounting {
    private Accounting() {
    }

    /** Asserts the accounting of {@code r}, then returns it. */
    public static ReplicationResult checked(ReplicationResult r) {
        long failedRequests = 0;
        for (Map.Entry<String, ClassResult> e : r.classes().entrySet()) {
            String name = "replication " + r.replication() + ", class " + e.getKey();
            ClassResult c = e.getValue();
            assertTrue(c.completed() >= 0 && c.rejected() >= 0 && c.timedOut() >= 0 && c.unfinished() >= 0, name);
            assertEquals(c.arrived(), c.completed() + c.rejected() + c.timedOut() + c.unfinished(),
                    name + ": arrived = completed + rejected + timed out + unfinished");
            assertEquals(c.completed() + c.unfinished(), c.latency().count(),
                    name + ": latencies of the completed and unfinished requests");
            if (!c.latencyByRegion().isEmpty()) {
                assertEquals(c.latency().count(),
                        c.latencyByRegion().values().stream().mapToLong(LatencyRecorder::count).sum(),
                        name + ": by region");
            }
            for (List<WindowRow> rows : List.of(r.windows(), r.series())) {
                long byWindow = 0;
                long errorsByWindow = 0;
                long arrivedByWindow = 0;
                for (WindowRow w : rows) {
                    WindowClass wc = w.classes().get(e.getKey());
                    byWindow += wc.count();
                    errorsByWindow += wc.errors();
                    arrivedByWindow += wc.arrived();
                }
                if (!rows.isEmpty()) {
                    assertEquals(c.completed(), byWindow, name + ": completed by window");
                    assertEquals(c.rejected() + c.timedOut() + c.unfinished(), errorsByWindow,
                            name + ": errors by window");
                    assertEquals(c.arrived(), arrivedByWindow, name + ": arrived by window");
                }
            }
            failedRequests += c.rejected() + c.timedOut();
        }
        long failedVisits = 0;
        for (TierResult t : r.tiers().values()) {
            failedVisits += t.rejected() + t.timedOut();
        }
        r.websocket().ifPresent(ws -> {
            String name = "replication " + r.replication() + ", websocket";
            assertTrue(ws.delivered() >= 0 && ws.dropped() >= 0 && ws.unfinished() >= 0, name);
            assertEquals(ws.messages(), ws.delivered() + ws.dropped() + ws.unfinished(),
                    name + ": published = delivered + dropped + unfinished");
            assertTrue(ws.failedDeliveries() == 0 || ws.dropped() > 0 || ws.unfinished() > 0,
                    name + ": a lost copy drops its message");
        });
        if (r.websocket().isEmpty()) {
            assertEquals(failedRequests, failedVisits, "replication " + r.replication()
                    + ": each failed request failed at one tier's visit");
        } else {
            assertTrue(failedVisits >= failedRequests, "replication " + r.replication() + ": failed visits");
        }
        return r;
    }
}
