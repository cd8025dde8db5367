package capsim.models.system;

import capsim.models.catalog.Catalog;
import capsim.models.load.ModelLoader;
import java.nio.file.Path;

/** Manual smoke run: java ... SmokeRun MODEL [durationS]. */
public final class SmokeRun {
    public static void main(String[] args) throws Exception {
        var spec = new ModelLoader(Catalog.builtIn()).load(Path.of(args[0]));
        if (args.length > 1) {
            spec = spec.withRun(new capsim.models.spec.RunSpec(Double.parseDouble(args[1]), spec.run().warmupS(), 1, spec.run().seed()));
        }
        long t0 = System.nanoTime();
        ReplicationResult r = new ModelRunner(spec).run(0);
        double wall = (System.nanoTime() - t0) / 1e9;
        System.out.printf("events %d wall %.2f s (%.2f M ev/s)%n", r.events(), wall, r.events() / wall / 1e6);
        r.classes().forEach((n, c) -> System.out.printf("class %s arrived %d completed %d rej %d to %d mean %.3f p99 %.3f%n", n, c.arrived(), c.completed(), c.rejected(), c.timedOut(), c.latency().meanMs(), c.latency().percentileMs(99)));
        r.tiers().forEach((n, t) -> System.out.printf("tier %s util %.3f offered %.3f p99 %.3f sat %s nodes %.1f%n", n, t.utilization(), t.offeredUtilization(), t.latency().percentileMs(99), t.saturated(), t.nodesMean()));
        r.websocket().ifPresent(w -> System.out.printf("ws msgs %d deliveries %d p99 %.3f refused %d%n", w.messages(), w.delivery().count(), w.delivery().percentileMs(99), w.connectionsRefused()));
    }
}
