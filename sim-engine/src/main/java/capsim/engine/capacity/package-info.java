/**
 * Capacity paths: a node's speed over time when it changes for reasons outside its queue
 * (speed regimes, stalls), as lazily generated pieces of constant speed, and the integrated
 * capacity C(t) with its inverse that stations use to turn a job's demand into a departure.
 */
package capsim.engine.capacity;
