/**
 * The measured periods of one replication (warm-up, the main run, the failure scenarios) and
 * their recorders. The runner declares the periods once, in time order
 * ({@link capsim.models.period.Periods}); each {@link capsim.models.period.Period} owns one
 * recorder per tier, request class and WebSocket load. Model classes never swap recorders: a
 * request, a visit or a message records into the period its arrival fell in, and busy time and
 * node counts go to every period they overlap, each clipped to its own span. A period's
 * recorders therefore hold that period's figures only, and a result built from them keeps them.
 */
package capsim.models.period;
