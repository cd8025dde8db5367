package capsim.models.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import capsim.models.catalog.Catalog;
import capsim.models.spec.ModelSpec;
import capsim.models.spec.SpeedSpec;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A tier's {@code cpu_speed} and {@code measured_on}, and a step's {@code measured_on}, bind to
 * their records; a speed <= 0 or a type the catalog lacks is an error at its line, column and key
 * path. ModelLoaderTest.MINIMAL: its tier is line 10, or 11 with a line added to its step (line 8).
 */
class SpeedBindingTest {
    private final ModelLoader loader = new ModelLoader(Catalog.builtIn());

    private static String with(String step, String tier) {
        return ModelLoaderTest.MINIMAL
                .replace("- tier: app\n", "- tier: app\n" + step)
                .replace("{name: app, node: t3.small, count: 1}", tier);
    }

    private List<ModelError> errors(String text) {
        return assertThrows(ModelException.class, () -> loader.parse(text, "bad.yaml")).errors();
    }

    private static ModelError at(List<ModelError> errors, String keyPath) {
        return errors.stream().filter(e -> e.keyPath().equals(keyPath)).findFirst().orElseThrow(
                () -> new AssertionError("no error at " + keyPath + " in\n"
                        + errors.stream().map(ModelError::toString).collect(Collectors.joining("\n"))));
    }

    @Test
    void speedKeysBindAndDefaultToNone() throws ModelException {
        ModelSpec m = loader.parse(with("          measured_on: c5.large\n",
                "{name: app, node: m5.large, count: 1, cpu_speed: 1.25, measured_on: c6i.large}"), "ok.yaml");
        assertEquals(new SpeedSpec(OptionalDouble.of(1.25), Optional.of("c6i.large")), m.tiers().get(0).speed());
        assertEquals(Optional.of("c5.large"), m.workload().classes().get(0).steps().get(0).measuredOn());

        ModelSpec plain = loader.parse(ModelLoaderTest.MINIMAL, "ok.yaml");
        assertEquals(SpeedSpec.DEFAULT, plain.tiers().get(0).speed());
        assertEquals(Optional.empty(), plain.workload().classes().get(0).steps().get(0).measuredOn());
    }

    @Test
    void aSpeedOfZeroOrLessIsAnErrorAtItsKey() {
        for (String speed : List.of("0", "-1.5")) {
            String text = with("", "{name: app, node: m5.large, count: 1, cpu_speed: " + speed + "}");
            ModelError e = at(errors(text), "tiers[0].cpu_speed");
            assertEquals(10, e.line(), e::toString);
            assertEquals(text.lines().toList().get(9).indexOf(speed) + 1, e.column(), e::toString);
            assertEquals("bad.yaml", e.file());
        }
    }

    @Test
    void anUnknownMeasuredOnTypeIsAnErrorAtItsKeyWithASuggestion() {
        String text = with("          measured_on: c5.larg\n",
                "{name: app, node: m5.large, count: 1, measured_on: custom}");
        List<ModelError> errors = errors(text);
        ModelError step = at(errors, "workload.classes[0].steps[0].measured_on");
        assertEquals(8, step.line(), step::toString);
        assertTrue(step.message().contains("unknown node type 'c5.larg'") && step.message().contains("'c5.large'"),
                step::toString);
        ModelError tier = at(errors, "tiers[0].measured_on");
        assertEquals(11, tier.line(), tier::toString);
        assertTrue(tier.message().contains("unknown node type 'custom'"), tier::toString);
    }
}
