/**
 * The one catalog of metrics: every number of summary.json a user can name (in an SLO, the
 * gate, a comparison or a sweep) is declared once in {@link capsim.models.metric.MetricCatalog},
 * with its unit, the direction in which it is better, and where its 95% interval comes from.
 */
package capsim.models.metric;
