/**
 * Node types by name: vCPUs, memory, hourly price and burst-credit parameters. The built-in
 * catalog is the commented resource {@code capsim/models/catalog/node-types.yaml}, one entry per
 * type with the source of its numbers; adding a type is adding an entry there.
 */
package capsim.models.catalog;
