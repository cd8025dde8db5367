package capsim.models.autoscale;

import java.util.function.DoublePredicate;

/**
 * A CloudWatch metric alarm as scaling policies use it: in alarm once the last
 * {@code datapoints} datapoints all breach, and for as long as they go on breaching. A missing
 * datapoint (NaN) breaks the run.
 */
final class Alarm {
    private final DoublePredicate breaching;
    private final int datapoints;
    private int run;

    Alarm(DoublePredicate breaching, int datapoints) {
        this.breaching = breaching;
        this.datapoints = datapoints;
    }

    /** Takes the next datapoint; returns true if the alarm is now in alarm. */
    boolean observe(double metric) {
        run = !Double.isNaN(metric) && breaching.test(metric) ? run + 1 : 0;
        return run >= datapoints;
    }
}
