/**
 * Service centres built on one {@link capsim.engine.kernel.Simulation}: the {@link
 * capsim.engine.station.Station} interface and its two disciplines, {@link
 * capsim.engine.station.FcfsStation} (c servers, one FIFO queue; departures computed on
 * arrival, no events) and {@link capsim.engine.station.PsStation} (processor sharing, one
 * departure event at a time). A job is offered with its service demand and a {@link
 * capsim.engine.station.Visit} that learns when and how it left; busy time goes to a {@link
 * capsim.engine.station.BusyListener}.
 */
package capsim.engine.station;
