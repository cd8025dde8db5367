/** {@code capsim tune}: searching a model's parameters for the best configuration that meets its targets. */
package capsim.experiments.tune;
