package capsim.models.tier;

import capsim.engine.station.Station;

/** One node of a tier: its station (workers x servers) and the WebSocket connections it holds. */
public final class Node {
    private final int id;
    private final Station station;
    private long connections;

    public Node(int id, Station station) {
        this.id = id;
        this.station = station;
    }

    public int id() {
        return id;
    }

    public Station station() {
        return station;
    }

    public long connections() {
        return connections;
    }

    public void addConnections(long n) {
        connections += n;
    }
}
