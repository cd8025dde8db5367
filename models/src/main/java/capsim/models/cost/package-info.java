/**
 * The monthly bill: {@link capsim.models.cost.UsageMeter} reads each tier's billed nodes and
 * credits in a replication ({@link capsim.models.cost.TierUsage}),
 * {@link capsim.models.cost.MonthProjection} says how the measured period stands for a 730-hour
 * month, and {@link capsim.models.cost.MonthlyBill} prices nodes, surplus credits and the
 * model's cost lines, with the cost per user, the plan's own figure and the budget's verdict.
 */
package capsim.models.cost;
