package capsim.engine.kernel;

/**
 * Something that happens at one instant of simulated time. One small class (or lambda) per
 * kind of event; the kernel calls {@link #fire()} when the clock reaches the event's time.
 */
@FunctionalInterface
public interface Event {
    /** Carries out the event's actions; {@link Simulation#now()} is the event's time. */
    void fire();
}
