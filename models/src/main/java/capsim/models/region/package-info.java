/**
 * Regions: clients spread over regions by share, region-local routing with failover to the
 * nearest region, and the latency of a hop between regions ({@code regions} and
 * {@code network.region_ms} in the model file; see docs/regions.md).
 */
package capsim.models.region;
