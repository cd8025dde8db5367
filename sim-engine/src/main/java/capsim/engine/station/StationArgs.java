package capsim.engine.station;

/** Argument checks shared by the station constructors. */
final class StationArgs {
    private StationArgs() {
    }

    /** Throws unless servers >= 1, queueLimit >= 0 and timeoutS > 0 (infinite allowed). */
    static void check(int servers, int queueLimit, double timeoutS) {
        if (servers < 1) {
            throw new IllegalArgumentException("servers must be >= 1, was " + servers);
        }
        if (queueLimit < 0) {
            throw new IllegalArgumentException("queueLimit must be >= 0, was " + queueLimit);
        }
        if (!(timeoutS > 0)) {
            throw new IllegalArgumentException("timeoutS must be > 0, was " + timeoutS);
        }
    }

    /** Throws unless {@code factor} is a finite speed > 0. */
    static double checkSpeed(double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("speed factor must be > 0 and finite, was " + factor);
        }
        return factor;
    }

    /** Throws unless {@code serviceS} is a finite demand >= 0. */
    static void checkService(double serviceS) {
        if (!(serviceS >= 0) || Double.isInfinite(serviceS)) {
            throw new IllegalArgumentException("service demand must be >= 0 and finite, was " + serviceS);
        }
    }
}
