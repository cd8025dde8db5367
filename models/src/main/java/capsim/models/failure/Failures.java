package capsim.models.failure;

import java.util.List;

/** How one run treats failures: none (the normal state), as they come, or injected at set times. */
@FunctionalInterface
public interface Failures {
    /** Sets up the failures of a run on its built system, before the clock starts. */
    void install(Outages outages);

    /** No failures: the normal state. */
    static Failures none() {
        return outages -> { };
    }

    /** Every failure process of the model runs (MTBF / MTTR), failures happen as they come. */
    static Failures asTheyCome() {
        return Outages::startAll;
    }

    /** The failures {@code strikes} strike at their times. */
    static Failures injected(List<Strike> strikes) {
        return outages -> strikes.forEach(outages::inject);
    }
}
