package capsim.models.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import capsim.models.system.Accounting;
import capsim.models.system.ModelRunner;
import capsim.models.system.ReplicationResult;
import capsim.models.system.ReplicationResult.WebSocketResult;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * WebSocket fan-out against hand computations. A message reaches each ws node holding one of
 * its recipients one hop after it is published (after the pub/sub hop's service and a second
 * hop, when there is one); the node sends to its recipients one after another, so its k-th
 * recipient receives the message k send times after the job starts. The ws nodes have 16
 * workers: at 100 messages/s with jobs of at most 8 ms, the jobs present on a node are at most
 * Poisson(0.8), and 16 of them at once have probability below 1e-15, so no job waits and every
 * delivery time is exact.
 */
class FanOutModelTest {
    /**
     * A websocket load of 100 messages/s with deterministic {@code fanout} and 1 ms sends over
     * {@code connections} on {@code wsNodes} nodes, hop 2 ms; {@code extraWs} and
     * {@code extraTiers} add keys to the websocket and tiers.
     */
    private static String model(int wsNodes, long connections, String extraWs, String extraTiers, int fanout) {
        return """
                name: fanout
                run: {duration_s: 200, warmup_s: 5, replications: 1, seed: 11}
                workload:
                  classes:   # a trickle of requests elsewhere: a model needs a class
                    - name: api
                      rate_per_s: 1
                      steps: [{tier: app, service_ms: {dist: deterministic, mean: 1}}]
                  websocket:
                    tier: ws
                    connections: %d
                    messages_per_s: 100
                    fanout: {dist: deterministic, mean: %d}
                    send_ms: {dist: deterministic, mean: 1}
                %s
                tiers:
                  - {name: ws, node: t3.large, count: %d, workers: 16, max_connections: 3000}
                  - {name: app, node: t3.large, count: 1}
                %s
                network: {hop_ms: 2}
                """.formatted(connections, fanout, extraWs, wsNodes, extraTiers);
    }

    /*
     * One ws node: every message is one job of 4 sends of 1 ms starting one hop (2 ms) after
     * publication, so its deliveries take 3, 4, 5 and 6 ms: each value once per message,
     * mean 2 + 2.5 = 4.5 ms.
     */
    @Test
    void oneNodeDeliversAfterHopPlusOneToFourSends() {
        WebSocketResult ws = run(model(1, 1000, "", "", 4));

        long messages = ws.messages();
        assertTrue(messages > 19_000, "about 100/s x 200 s = 20,000 messages: " + messages);
        Histogram h = ws.delivery().histogram();
        assertEquals(4 * messages, h.getTotalCount());
        for (long us = 3_000; us <= 6_000; us += 1_000) {
            assertEquals(messages, RouteModelTest.countNear(h, us), "deliveries after " + us + " us");
        }
        assertEquals(4.5, ws.delivery().meanMs(), 1e-9);
        assertEquals(0, ws.connectionsRefused());
    }

    /*
     * Two ws nodes holding 500,000 connections each: the 4 recipients are distinct connections,
     * so node 1 holds K of them, hypergeometric, which with 500,000 of each kind is
     * Binomial(4, 1/2) to within 1e-5 relative: K ~ Binomial(4, 1/2) (P(K = k) = 1, 4, 6, 4, 1 / 16) and
     * node 2 gets 4 - K; the j-th recipient of a node receives after 2 + j ms. Per message, the
     * number D_j of deliveries at 2 + j ms is the number of nodes with at least j recipients:
     *   K:               0  1  2  3  4      E[D_j]   Var D_j
     *   D_1 (3 ms)       1  2  2  2  1      30/16    28/256
     *   D_2 (4 ms)       1  1  2  1  1      22/16    60/256
     *   D_3 (5 ms)       1  1  0  1  1      10/16    60/256
     *   D_4 (6 ms)       1  0  0  0  1       2/16    28/256
     * (Var = E[D^2] - E[D]^2, e.g. D_1: 58/16 - (30/16)^2 = 28/256.) Mean delivery
     * 2 + (30 + 44 + 30 + 8) / 64 = 3.75 ms. Messages are independent, so the count at 2 + j ms
     * over M messages has SE sqrt(M Var D_j).
     */
    @Test
    void twoNodesShareTheRecipientsBinomially() {
        WebSocketResult ws = run(model(2, 1_000_000, "", "", 4).replace("max_connections: 3000",
                "max_connections: 500000"));

        long m = ws.messages();
        Histogram h = ws.delivery().histogram();
        assertEquals(4 * m, h.getTotalCount());
        double[] expectedPerMessage = {30 / 16.0, 22 / 16.0, 10 / 16.0, 2 / 16.0};
        double[] variance = {28 / 256.0, 60 / 256.0, 60 / 256.0, 28 / 256.0};
        for (int j = 1; j <= 4; j++) {
            double count = RouteModelTest.countNear(h, 2_000 + 1_000L * j);
            // M = 20,000: SE from 47 (D_1, 0.1%) to 68 deliveries; 5 SE
            assertEquals(m * expectedPerMessage[j - 1], count, 5 * Math.sqrt(m * variance[j - 1]),
                    "deliveries after " + (2 + j) + " ms");
        }
        // the mean delivery: a message's mean is 2 + T / 4 ms, T = K(K+1)/2 + (4-K)(5-K)/2 the
        // sum of its send positions: T = 10, 7, 6, 7, 10 for K = 0..4, E[T] = 7, Var T =
        // 808/16 - 49 = 1.5, so the per-message mean has SD sqrt(1.5) / 4 = 0.306 ms and the
        // mean over M = 20,000 messages an SE of 0.0022 ms; 5 SE
        assertEquals(3.75, ws.delivery().meanMs(), 5 * Math.sqrt(1.5) / 4 / Math.sqrt(m));
    }

    /*
     * 10 connections on 2 nodes of at most 3 each: 3 + 3 held, 4 refused. A fan-out of 8 is cut
     * to the 6 connections held: every held connection receives the message once, so each node
     * sends to its 3: deliveries after 3, 4 and 5 ms, twice each per message.
     */
    @Test
    void connectionsBeyondMaxAreRefusedAndFanOutIsCutToThoseHeld() {
        String tiny = model(2, 10, "", "", 8).replace("max_connections: 3000", "max_connections: 3");
        WebSocketResult ws = run(tiny);

        assertEquals(4, ws.connectionsRefused());
        long messages = ws.messages();
        Histogram h = ws.delivery().histogram();
        assertEquals(6 * messages, h.getTotalCount());
        for (long us = 3_000; us <= 5_000; us += 1_000) {
            assertEquals(2 * messages, RouteModelTest.countNear(h, us), "deliveries after " + us + " us");
        }
    }

    /*
     * Recipients are distinct connections. 2 nodes of 2 connections, fan-out 2: node 1 holds
     * K of the 2 recipients, hypergeometric: P(K = 0, 1, 2) = 1/6, 4/6, 1/6 (C(2,k) C(2,2-k) /
     * C(4,2)). The message is sent after 3 ms by each node with a recipient (2 nodes when
     * K = 1, else 1) and after 4 ms by a node with both: per message D_1 = 1 + [K = 1],
     * E = 5/3, Var = 2/9; D_2 = 1 - [K = 1], E = 1/3, Var = 2/9. (Drawing recipients with
     * replacement would give K ~ Binomial(2, 1/2) and E[D_1] = 3/2.) Over M = 20,000 messages
     * the count at 3 ms has SE sqrt(2 M / 9) = 67 (0.2%); 5 SE.
     */
    @Test
    void recipientsAreDistinctConnections() {
        String small = model(2, 4, "", "", 2).replace("max_connections: 3000", "max_connections: 2");
        WebSocketResult ws = run(small);

        long m = ws.messages();
        Histogram h = ws.delivery().histogram();
        assertEquals(2 * m, h.getTotalCount());
        double se = Math.sqrt(2.0 * m / 9);
        assertEquals(5.0 / 3 * m, RouteModelTest.countNear(h, 3_000), 5 * se);
        assertEquals(1.0 / 3 * m, RouteModelTest.countNear(h, 4_000), 5 * se);
    }

    /*
     * A pub/sub hop of 0.5 ms: the message reaches the bus one hop after publication, is served
     * 0.5 ms, and reaches the ws node one more hop later: 2 + 0.5 + 2 = 4.5 ms, then 1..4 sends:
     * 5.5, 6.5, 7.5, 8.5 ms, mean 7 ms. The bus sees one 0.5 ms visit per message.
     */
    @Test
    void pubSubHopAddsItsServiceAndOneMoreHop() {
        String pubsub = model(1, 1000, """
                    pubsub_tier: bus
                    pubsub_ms: {dist: deterministic, mean: 0.5}
                """, "  - {name: bus, node: cache.t3.small, count: 1, workers: 16}\n", 4);
        ReplicationResult r = Accounting.checked(new ModelRunner(ModelRuns.parse(pubsub)).run(0));
        WebSocketResult ws = r.websocket().orElseThrow();

        long messages = ws.messages();
        Histogram h = ws.delivery().histogram();
        assertEquals(4 * messages, h.getTotalCount());
        for (long us = 5_500; us <= 8_500; us += 1_000) {
            assertEquals(messages, RouteModelTest.countNear(h, us), "deliveries after " + us + " us");
        }
        assertEquals(7.0, ws.delivery().meanMs(), 1e-9);
        assertEquals(messages, r.tiers().get("bus").latency().count(), 2.0);
        assertEquals(0.5, r.tiers().get("bus").latency().meanMs(), 1e-9);
    }

    /*
     * Every message is delivered, dropped or left unfinished. One ws node with one worker: each
     * message is a job of 4 sends of 5 ms, 20 ms, so the node serves 50 messages/s of the 100
     * offered (rho = 2) and is never idle once the first jobs arrive. The warm-up's ~500 messages
     * leave 250 queued at 5 s (5 s x 50/s served); from 5 s to the stop at 225 s (200 s measured,
     * 20 s drain) the node serves 220 x 50 = 11,000 jobs, first those 250: 10,750 measured
     * messages are delivered, the other ~9,250 of the ~20,000 published are unfinished, none is
     * dropped. The warm-up's Poisson count moves the backlog by sqrt(500) = 22: 100 is 4.5 SE.
     */
    @Test
    void anOverloadedNodeLeavesMessagesUnfinished() {
        WebSocketResult ws = run(model(1, 1000, "", "", 4).replace("workers: 16", "workers: 1")
                .replace("send_ms: {dist: deterministic, mean: 1}", "send_ms: {dist: deterministic, mean: 5}"));

        assertEquals(20_000, ws.messages(), 5 * Math.sqrt(20_000));
        assertEquals(10_750, ws.delivered(), 100);
        assertEquals(0, ws.dropped());
        assertEquals(ws.messages() - ws.delivered(), ws.unfinished());
        assertEquals(4 * ws.delivered(), ws.delivery().count(), "each delivered message's 4 copies");
    }

    /*
     * A pub/sub node of one worker and no queue, 20 ms a message, at 100 messages/s: an M/G/1/1
     * loss system, whose blocking probability is Erlang B with one server, a / (1 + a) for
     * a = 100 x 0.02 = 2, whatever the service distribution: 2/3 of the messages are refused at
     * the bus and dropped, their copies (4 each) lost; the others are delivered (the ws node has
     * 16 workers for 4 ms jobs). Over ~20,000 messages the dropped share has SE
     * sqrt(2/9 / 20,000) = 0.0033 (deterministic service makes it smaller); 0.015 is 4.5 SE.
     */
    @Test
    void messagesRefusedAtTheBusAreDropped() {
        WebSocketResult ws = run(model(1, 1000, """
                    pubsub_tier: bus
                    pubsub_ms: {dist: deterministic, mean: 20}
                """, "  - {name: bus, node: cache.t3.small, count: 1, workers: 1, queue_limit: 0}\n", 4));

        assertEquals(2.0 / 3, (double) ws.dropped() / ws.messages(), 0.015);
        assertEquals(4 * ws.dropped(), ws.failedDeliveries());
        assertTrue(ws.unfinished() <= 1, "at most the message in the bus at the stop: " + ws.unfinished());
        assertEquals(ws.messages() - ws.dropped() - ws.unfinished(), ws.delivered());
        assertEquals(4 * ws.delivered(), ws.delivery().count());
    }

    private static WebSocketResult run(String yaml) {
        return Accounting.checked(new ModelRunner(ModelRuns.parse(yaml)).run(0)).websocket().orElseThrow();
    }
}
