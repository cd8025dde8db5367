package capsim.experiments.report;

import capsim.models.metric.Metric;
import capsim.models.metric.MetricCatalog;

/**
 * How a metric's numbers are shown: in the unit the metric catalog declares for it
 * ({@code ms}, {@code min/month}, {@code USD/month} ...), a ratio as a percentage (a difference
 * of two ratios then reads in percentage points). {@code scale} turns the summary's number into
 * the shown one.
 */
record Unit(String name, double scale) {
    private static final String RATIO = "ratio";
    private static final Unit NONE = new Unit("", 1);

    /** The unit of the metric at {@code path}; none for a path the catalog does not know. */
    static Unit of(String path) {
        String unit = MetricCatalog.describe(path).map(Metric::unit).orElse("");
        return unit.isEmpty() ? NONE : unit.equals(RATIO) ? new Unit("%", 100) : new Unit(unit, 1);
    }

    /** {@code text} (a number already scaled, or an interval of them) followed by the unit: "48.2 ms", "99.96%". */
    String after(String text) {
        return name.isEmpty() ? text : name.equals("%") ? text + "%" : text + " " + name;
    }
}
