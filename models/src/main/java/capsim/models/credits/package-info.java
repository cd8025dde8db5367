/**
 * Burstable CPU credits (AWS EC2 user guide, burstable performance instances): one
 * {@link capsim.models.credits.CreditAccount} per node of a type that earns credits in the
 * catalog, kept by {@link capsim.models.credits.TierCredits}, which holds a standard-mode node at
 * baseline speed while its balance is empty; {@link capsim.models.credits.CreditUsage} is what a
 * tier did with its credits over the measured period (the catalog type prices its surplus).
 */
package capsim.models.credits;
