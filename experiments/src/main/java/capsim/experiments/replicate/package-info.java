/** Independent replications run side by side, returned in replication order. */
package capsim.experiments.replicate;
