package capsim.models.region;

import capsim.engine.kernel.Simulation;
import capsim.engine.random.RandomStreams;
import capsim.models.catalog.Catalog;
import capsim.models.failure.Outages;
import capsim.models.load.Distributions;
import capsim.models.load.ModelException;
import capsim.models.load.ModelLoader;
import capsim.models.spec.ModelSpec;
import capsim.models.spec.TierSpec;
import capsim.models.spec.WebSocketSpec;
import capsim.models.system.ModelRunner;
import capsim.models.period.ClassRecorder;
import capsim.models.period.Periods;
import capsim.models.period.TierRecorder;
import capsim.models.tier.Horizon;
import capsim.models.tier.Tier;
import capsim.models.workload.ArrivalProcess;
import capsim.models.workload.RequestClass;
import capsim.models.ws.WebSocketLoad;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A model file with regions built by hand for tests: its tiers, its regions, its first class
 * (and its WebSocket load, if any) fed by arrivals exactly {@code periodS} apart (at periodS,
 * 2 periodS, ...), measured over [0, horizonS) in one window, and the {@link Outages} of the run.
 */
final class RegionalSystem {
    final ModelSpec model;
    final Simulation sim = new Simulation();
    final Periods periods;
    final Map<String, Tier> tiers = new LinkedHashMap<>();
    final Regions regions;
    final RequestClass requests;
    final Optional<WebSocketLoad> ws;
    final Outages outages;

    RegionalSystem(String yaml, double periodS, double horizonS) throws ModelException {
        model = new ModelLoader(Catalog.builtIn()).parse(yaml, "test.yaml");
        RandomStreams streams = new RandomStreams(model.run().seed(), 0);
        // requests arriving in [0, horizonS) are measured; the tests run on past it so they can finish
        periods = Periods.of(new Horizon(0, horizonS, horizonS, 1e6));
        for (TierSpec t : model.tiers()) {
            tiers.put(t.name(), new Tier(t, ModelRunner.workersOf(t, Catalog.builtIn()), sim, periods,
                    streams.stream("tier/" + t.name() + "/balancer")));
        }
        regions = Regions.of(model.network(), tiers, streams).orElseThrow();
        double hopS = model.network().hopMs() / 1000;
        ArrivalProcess periodic = nowS -> (Math.floor(nowS / periodS + 1e-9) + 1) * periodS;
        requests = new RequestClass(model.workload().classes().get(0), sim, periods, hopS,
                model.network().crossZoneMs() / 1000, tiers, key -> Distributions.of(key.step().serviceMs()), streams,
                Optional.of(regions));
        if (model.workload().websocket().isPresent()) {
            WebSocketSpec w = model.workload().websocket().get();
            WebSocketLoad load = new WebSocketLoad(sim, periods, hopS, tiers.get(w.tier()), w.connections(),
                    Long.MAX_VALUE, w.pubsubTier().map(tiers::get), w.pubsubMs().map(Distributions::of),
                    Distributions.of(w.fanout()), Distributions.of(w.sendMs()), streams.stream("websocket/fanout"),
                    streams.stream("websocket/send"), streams.stream("websocket/pubsub"),
                    Optional.of(new Origins(regions, streams.stream("websocket/region"))));
            load.start(periodic);
            ws = Optional.of(load);
        } else {
            requests.start(periodic);
            ws = Optional.empty();
        }
        outages = new Outages(sim, model, tiers, streams);
    }

    /** The measured figures of the first class. */
    ClassRecorder measured() {
        return periods.get(0).requestClass(model.workload().classes().get(0).name());
    }

    /** The measured figures of tier {@code name}. */
    TierRecorder measured(String name) {
        return periods.get(0).tier(name);
    }

    Tier tier(String name) {
        return tiers.get(name);
    }

    /** Visits node {@code id} of tier {@code tier} has served, from its busy time and a deterministic service of {@code serviceS}. */
    long visits(String tier, int id, double serviceS) {
        return Math.round(tier(tier).nodes().get(id).busyServerS() / serviceS);
    }
}
