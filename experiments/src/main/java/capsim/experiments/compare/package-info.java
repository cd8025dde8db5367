/**
 * {@code capsim compare A B}: two models run with common random numbers (the same seed, run
 * settings and stream names, so replication i of A and of B see the same arrivals and demands
 * where they share a source), then, metric by metric, B - A with a paired 95% interval over the
 * replications and a verdict: better, worse or no significant difference.
 */
package capsim.experiments.compare;
