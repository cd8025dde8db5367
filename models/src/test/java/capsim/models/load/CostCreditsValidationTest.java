package capsim.models.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import capsim.models.catalog.Catalog;
import capsim.models.spec.CostLineSpec;
import capsim.models.spec.CostLineSpec.Form;
import capsim.models.spec.CostSpec;
import capsim.models.spec.CostSpec.Money;
import capsim.models.spec.CreditsSpec;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The {@code credits:} and {@code cost:} keys bind to their records, and every mistake gives an
 * error at its key path, line and column. ModelLoaderTest.MINIMAL has 10 lines; its tier is line
 * 10 and text appended to it starts at line 11.
 */
class CostCreditsValidationTest {
    private final ModelLoader loader = new ModelLoader(Catalog.builtIn());

    private static String withTier(String tier) {
        return ModelLoaderTest.MINIMAL.replace("{name: app, node: t3.small, count: 1}", tier);
    }

    private List<ModelError> errors(String text) {
        return assertThrows(ModelException.class, () -> loader.parse(text, "bad.yaml")).errors();
    }

    /** Asserts the error at {@code keyPath}: its line, the column of {@code token} in that line, a fragment. */
    private static void assertError(List<ModelError> errors, String text, String keyPath, int line, String token,
                                    String fragment) {
        ModelError e = errors.stream().filter(x -> x.keyPath().equals(keyPath)).findFirst()
                .orElseThrow(() -> new AssertionError("no error at " + keyPath + " in\n" + join(errors)));
        String lineText = text.lines().toList().get(line - 1);
        assertEquals(line, e.line(), e::toString);
        assertEquals(lineText.indexOf(token) + 1, e.column(), e::toString);
        assertTrue(e.message().contains(fragment), () -> "'" + fragment + "' not in: " + e);
    }

    private static String join(List<ModelError> errors) {
        return errors.stream().map(ModelError::toString).collect(Collectors.joining("\n"));
    }

    @Test
    void creditsBindWithDefaults() throws ModelException {
        var tier = loader.parse(withTier("{name: app, node: t3.small, count: 1, credits: {mode: standard, initial: 30}}"),
                "ok.yaml").tiers().get(0);
        assertEquals(Optional.of(new CreditsSpec(CreditsSpec.Mode.STANDARD, 30)), tier.operations().credits());
        var defaults = loader.parse(withTier("{name: app, node: t3.small, count: 1, credits: {}}"), "ok.yaml")
                .tiers().get(0);
        assertEquals(Optional.of(CreditsSpec.DEFAULT), defaults.operations().credits());
        assertEquals(new CreditsSpec(CreditsSpec.Mode.UNLIMITED, 0), CreditsSpec.DEFAULT);
    }

    @Test
    void creditsApplyOnlyToBurstableTypesWithinTheirMaximumBalance() {
        String fixed = withTier("{name: app, node: c5.2xlarge, count: 1, credits: {mode: standard}}");
        assertError(errors(fixed), fixed, "tiers[0].credits", 10, "credits", "applies only to burstable node types"
                + " (cache.t3.small, db.t3.medium, t3.large, t3.medium, t3.small); c5.2xlarge earns no CPU credits");
        String custom = withTier("{name: app, node: custom, count: 1, vcpu: 2, memory_gb: 4, hourly_usd: 0.1,"
                + " credits: {}}");
        assertError(errors(custom), custom, "tiers[0].credits", 10, "credits", "custom earns no CPU credits");
        String initial = withTier("{name: app, node: t3.large, count: 1, credits: {initial: 900, mode: burst}}");
        List<ModelError> errors = errors(initial);
        assertError(errors, initial, "tiers[0].credits.initial", 10, "initial",
                "must be <= 864, the maximum balance of t3.large, was 900");
        assertError(errors, initial, "tiers[0].credits.mode", 10, "burst", "'burst' is not one of standard, unlimited");
        assertEquals(2, errors.size(), () -> join(errors));
    }

    @Test
    void costBindsEveryKey() throws ModelException {
        CostSpec cost = loader.parse(ModelLoaderTest.MINIMAL + """
                currency: {code: TZS, per_usd: 2600}
                cost:
                  users: 50000
                  plan_monthly_local: 1000000
                  budget: {min_monthly_usd: 100, max_monthly_local: 1000000}
                  lines:
                    - {name: s3, gb_month: 750, usd_per_gb_month: 0.023}
                    - {name: transfer, gb_per_month: 30000, usd_per_gb: 0.09}
                    - {name: cdn, usd_per_month: 120}
                    - {name: openai, tokens_per_month: 2000000, usd_per_million_tokens: 60}
                    - {name: api-gw, requests_per_month: 5000000, usd_per_million_requests: 3.5}
                    - {name: sms, local_per_month: 52000}
                    - {name: support, percent_of_bill: 10, min_usd_per_month: 100}
                """, "ok.yaml").cost();

        assertEquals(new CostSpec(OptionalLong.of(50_000), Optional.of(new Money(1_000_000, true)),
                Optional.of(new Money(100, false)), Optional.of(new Money(1_000_000, true)), List.of(
                new CostLineSpec("s3", Form.STORAGE, 750, 0.023, 0),
                new CostLineSpec("transfer", Form.TRANSFER, 30_000, 0.09, 0),
                CostLineSpec.fixed("cdn", 120),
                new CostLineSpec("openai", Form.TOKENS, 2_000_000, 60, 0),
                new CostLineSpec("api-gw", Form.REQUESTS, 5_000_000, 3.5, 0),
                new CostLineSpec("sms", Form.FIXED_LOCAL, 1, 52_000, 0),
                new CostLineSpec("support", Form.SHARE, 1, 10, 100))), cost);
    }

    @Test
    void everyCostMistakeIsReportedAtItsKey() {
        String text = ModelLoaderTest.MINIMAL + """
                cost:
                  users: 0
                  plan_monthly_usd: 10
                  plan_monthly_local: 10
                  budget: {max_monthly_usd: 5, min_monthly_usd: 6}
                  lines:
                    - {name: a, usd_per_month: 1, usd_per_gb: 2}
                    - {name: b, gb_month: 5}
                    - {name: c, usd_per_gb_month: 1, gb_month: 2, gb_per_month: 5}
                    - {name: d, usd_per_month: 5, min_usd_per_month: 1}
                    - {name: e, local_per_month: 5}
                    - {name: f, percent_of_bill: 150}
                    - {name: a, usd_per_month: 1}
                    - {name: g}
                    - {name: h, usd_per_gb: 1, bytes: 3}
                """;
        List<ModelError> errors = errors(text);
        String lines = "cost.lines";
        assertError(errors, text, "cost.users", 12, "0", "must be >= 1, was 0");
        assertError(errors, text, "cost.plan_monthly_local", 14, "plan_monthly_local",
                "give either 'plan_monthly_usd' or 'plan_monthly_local', not both");
        assertError(errors, text, "cost.budget.max_monthly_usd", 15, "max_monthly_usd", "maximum is below its minimum");
        assertError(errors, text, lines + "[0].usd_per_gb", 17, "usd_per_gb",
                "a cost line has one price, found 'usd_per_month' and 'usd_per_gb'");
        assertError(errors, text, lines + "[1].gb_month", 18, "gb_month", "'gb_month' needs its price 'usd_per_gb_month'");
        assertError(errors, text, lines + "[2].gb_per_month", 19, "gb_per_month",
                "'gb_per_month' goes with 'usd_per_gb', not with 'usd_per_gb_month'");
        assertError(errors, text, lines + "[3].min_usd_per_month", 20, "min_usd_per_month",
                "applies only to a 'percent_of_bill' line");
        assertError(errors, text, lines + "[4].local_per_month", 21, "local_per_month", "needs a currency section");
        assertError(errors, text, lines + "[5].percent_of_bill", 22, "150", "must be between 0 and 100");
        assertError(errors, text, lines + "[6].name", 23, "a,", "duplicate cost line name 'a' (first at line 17)");
        assertError(errors, text, lines + "[7]", 24, "{", "a cost line needs a price, one of: usd_per_month,");
        assertError(errors, text, lines + "[8].bytes", 25, "bytes", "unknown key 'bytes'");
        assertError(errors, text, lines + "[8].gb_per_month", 25, "{", "missing required key 'gb_per_month'");
        assertEquals(13, errors.size(), () -> join(errors));
    }

    @Test
    void aBudgetNeedsABound() {
        String text = ModelLoaderTest.MINIMAL + """
                cost:
                  budget: {}
                """;
        assertError(errors(text), text, "cost.budget", 12, "{", "a budget needs a bound");
    }
}
