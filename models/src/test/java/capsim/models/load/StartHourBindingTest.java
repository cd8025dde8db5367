package capsim.models.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import capsim.models.catalog.Catalog;
import capsim.models.spec.ModelSpec;
import org.junit.jupiter.api.Test;

/** {@code start_h} may stand in the profile or beside it in {@code workload}, once. */
class StartHourBindingTest {
    private static final String MODEL = """
            name: hours
            workload:
              %s
              classes:
                - name: api
                  rate_per_s: 10
                  steps:
                    - {tier: app, service_ms: {dist: exponential, mean: 5}}
            tiers:
              - {name: app, node: t3.medium, count: 1}
            """;

    private static ModelSpec parse(String lines) throws ModelException {
        return new ModelLoader(Catalog.builtIn()).parse(MODEL.formatted(lines), "hours.yaml");
    }

    @Test
    void startHourBesideTheProfileOrInIt() throws ModelException {
        assertEquals(8, parse("start_h: 8\n  profile: {kind: peak, from: 9, to: 17, factor: 2}").workload().profile()
                .startH(), 0);
        assertEquals(8, parse("profile: {kind: peak, from: 9, to: 17, factor: 2, start_h: 8}").workload().profile()
                .startH(), 0);
        assertEquals(22, parse("start_h: 22").workload().profile().startH(), 0);
    }

    @Test
    void startHourTwiceIsAnError() {
        ModelException e = assertThrows(ModelException.class,
                () -> parse("start_h: 8\n  profile: {kind: peak, from: 9, to: 17, factor: 2, start_h: 9}"));
        assertTrue(e.getMessage().contains("start_h is given twice"), e.getMessage());
    }
}
