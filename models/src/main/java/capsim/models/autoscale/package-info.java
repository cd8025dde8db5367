/**
 * Autoscaling: an {@link capsim.models.autoscale.Autoscaler} samples a tier's metric each
 * period on the simulation kernel, asks its {@link capsim.models.autoscale.ScalingPolicy} for
 * the desired node count, and launches (boot, then in service) or retires (drain) nodes. One
 * final class per policy family (AWS target tracking, AWS step scaling, Kubernetes HPA,
 * scheduled); {@link capsim.models.autoscale.Policies} maps a model file's {@code policy} to
 * its class, one line each. The lag chain is explicit: metric period -> datapoints -> decision
 * -> boot -> warm-up -> in service. The autoscaler is also the group that replaces a failed
 * node once it notices ({@link capsim.models.autoscale.Replacement}) and rebalances the zones
 * when a zone comes back.
 */
package capsim.models.autoscale;
