/**
 * Sampled fidelity (docs/fidelity.md): which tiers are simulated through a sample of their
 * interchangeable nodes ({@link capsim.models.fidelity.SamplePlan}), how much of each class is
 * simulated request by request, and the background load ({@link capsim.models.fidelity.Background})
 * that keeps every simulated node as busy as a node of the whole tier.
 */
package capsim.models.fidelity;
