/**
 * Failures: nodes of a tier (MTBF, MTTR, health-check detection delay), instances of managed
 * databases and caches (multi-AZ failover or replacement, a cache coming back empty and
 * refilling) and whole zones. {@link capsim.models.failure.FailureModes} lists the ways a model
 * can fail with their long-run rates; {@link capsim.models.failure.Outages} makes them happen in
 * a run, as they come or one injected at a set time (the scenarios of the uptime estimate).
 */
package capsim.models.failure;
