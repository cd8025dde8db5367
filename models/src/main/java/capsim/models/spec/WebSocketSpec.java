package capsim.models.spec;

import java.util.Optional;

/**
 * {@code workload.websocket:} {@code connections} held open on {@code tier}; messages published
 * at {@code messages_per_s}, each to {@code fanout} recipients; {@code send_ms} per recipient on
 * a ws node. Optionally each message first passes a pub/sub hop: a visit to {@code pubsub_tier}
 * with service {@code pubsub_ms}.
 */
public record WebSocketSpec(String tier, long connections, double messagesPerS, DistSpec fanout, DistSpec sendMs,
                            Optional<String> pubsubTier, Optional<DistSpec> pubsubMs) {
}
