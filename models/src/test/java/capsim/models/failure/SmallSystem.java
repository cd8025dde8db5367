package capsim.models.failure;

import capsim.engine.kernel.Simulation;
import capsim.engine.random.RandomStreams;
import capsim.models.autoscale.Autoscaler;
import capsim.models.catalog.Catalog;
import capsim.models.load.Distributions;
import capsim.models.load.ModelException;
import capsim.models.load.ModelLoader;
import capsim.models.spec.ModelSpec;
import capsim.models.spec.TierSpec;
import capsim.models.system.ModelRunner;
import capsim.models.period.ClassRecorder;
import capsim.models.period.Periods;
import capsim.models.period.TierRecorder;
import capsim.models.tier.Horizon;
import capsim.models.tier.Tier;
import capsim.models.workload.RequestClass;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A model file built by hand for tests: its tiers, its first class fed by arrivals exactly
 * {@code periodS} apart (at periodS, 2 periodS, ...), measured over [0, horizonS) in one window,
 * the autoscalers of its autoscaled tiers (started at time 0) and the {@link Outages} of the run.
 */
final class SmallSystem {
    final ModelSpec model;
    final Simulation sim = new Simulation();
    final Periods periods;
    final Map<String, Tier> tiers = new LinkedHashMap<>();
    final RequestClass requests;
    final Map<String, Autoscaler> groups = new LinkedHashMap<>();
    final Outages outages;

    SmallSystem(String yaml, double periodS, double horizonS) throws ModelException {
        model = new ModelLoader(Catalog.builtIn()).parse(yaml, "test.yaml");
        RandomStreams streams = new RandomStreams(model.run().seed(), 0);
        // requests arriving in [0, horizonS) are measured; the tests run on past it so they can finish
        periods = Periods.of(new Horizon(0, horizonS, horizonS, 1e6));
        for (TierSpec t : model.tiers()) {
            tiers.put(t.name(), new Tier(t, ModelRunner.workersOf(t, Catalog.builtIn()), sim, periods,
                    streams.stream("tier/" + t.name() + "/balancer")));
        }
        requests = new RequestClass(model.workload().classes().get(0), sim, periods, model.network().hopMs() / 1000,
                model.network().crossZoneMs() / 1000, tiers, key -> Distributions.of(key.step().serviceMs()), streams);
        requests.start(nowS -> (Math.floor(nowS / periodS + 1e-9) + 1) * periodS);
        tiers.forEach((name, t) -> t.spec().operations().autoscale()
                .ifPresent(a -> groups.put(name, Autoscaler.start(sim, t, 0, 0))));
        outages = new Outages(sim, model, tiers, streams, groups);
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

    /** Failed requests (refused, lost or timed out) so far. */
    long failed() {
        return measured().rejected() + measured().timedOut();
    }
}
