package capsim.engine.capacity;

/**
 * How fast a node serves over time, as a multiplier of its nominal speed (1: full speed, 0: a
 * stall), when that speed changes for reasons outside the node's queue (host contention,
 * garbage-collection pauses, CPU steal). Because the path does not depend on the jobs, a
 * station can compute a job's departure when the job starts: it is the time at which the
 * capacity integrated since the start reaches the job's demand, C^-1(C(start) + demand), with
 * C(t) the integral of the speed from time 0.
 */
public interface CapacityPath {
    /** A node that always serves at full speed: C(t) = t. */
    CapacityPath FULL = new CapacityPath() {
        @Override
        public double workBetween(double fromS, double toS) {
            return toS - fromS;
        }

        @Override
        public double finishTime(double startS, double workS) {
            return startS + workS;
        }

        @Override
        public boolean full() {
            return true;
        }
    };

    /** Work one server serving throughout [fromS, toS] completes, in full-speed seconds. */
    double workBetween(double fromS, double toS);

    /** The earliest time at which a server that starts at {@code startS} has done {@code workS}. */
    double finishTime(double startS, double workS);

    /** No later question asks about a time before {@code nowS}: the path may forget them. */
    default void forgetBefore(double nowS) {
    }

    /** True when this is {@link #FULL} (stations keep their plain arithmetic then). */
    default boolean full() {
        return false;
    }
}
