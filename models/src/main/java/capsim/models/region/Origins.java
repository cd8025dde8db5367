package capsim.models.region;

import capsim.engine.random.RandomStream;

/** Where new requests or messages of one source start: a region drawn by share from {@code rng}. */
public record Origins(Regions regions, RandomStream rng) {
    /** The region the next one starts in. */
    public int draw() {
        return regions.draw(rng);
    }
}
