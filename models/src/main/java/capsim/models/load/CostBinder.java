package capsim.models.load;

import capsim.models.load.Values.Bound;
import capsim.models.spec.CostLineSpec;
import capsim.models.spec.CostLineSpec.Form;
import capsim.models.spec.CostSpec;
import capsim.models.spec.CostSpec.Money;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Binds the model's {@code cost:} section: {@code users}, the plan's own figure, the budget and
 * the cost lines. An amount is given in USD ({@code _usd}) or in the model's currency
 * ({@code _local}, which needs a {@code currency} section), not both; each line has exactly one
 * price key, the quantity key of that price and nothing else.
 */
final class CostBinder {
    static final List<String> KEYS = List.of("users", "plan_monthly_usd", "plan_monthly_local", "budget", "lines");
    static final List<String> BUDGET_KEYS = List.of("min_monthly_usd", "min_monthly_local", "max_monthly_usd",
            "max_monthly_local");
    private static final String MIN_KEY = "min_usd_per_month";
    static final List<String> LINE_KEYS = Stream.concat(Stream.of("name", MIN_KEY), Arrays.stream(Form.values())
            .flatMap(f -> Stream.of(f.quantityKey(), f.priceKey())).filter(k -> !k.isEmpty())).distinct().toList();

    private CostBinder() {
    }

    static CostSpec bind(Section root, Problems problems) {
        boolean currency = root.has("currency");
        return root.section("cost", KEYS).map(c -> cost(c, currency, problems)).orElse(CostSpec.NONE);
    }

    private static CostSpec cost(Section c, boolean currency, Problems problems) {
        Optional<Money> plan = money(c, "plan_monthly", currency);
        Optional<Money> min = Optional.empty();
        Optional<Money> max = Optional.empty();
        Optional<Section> budget = c.section("budget", BUDGET_KEYS);
        if (budget.isPresent()) {
            Section b = budget.get();
            min = money(b, "min_monthly", currency);
            max = money(b, "max_monthly", currency);
            if (!b.has("min_monthly_usd") && !b.has("min_monthly_local") && !b.has("max_monthly_usd")
                    && !b.has("max_monthly_local")) {
                problems.at(b.node(), b.path(), "a budget needs a bound: " + String.join(", ", BUDGET_KEYS));
            } else if (min.isPresent() && max.isPresent() && min.get().local() == max.get().local()
                    && min.get().amount() > max.get().amount()) {
                b.reportKey(max.get().local() ? "max_monthly_local" : "max_monthly_usd",
                        "the budget's maximum is below its minimum");
            }
        }
        List<CostLineSpec> lines = new ArrayList<>();
        List<Node> items = c.list("lines", false).orElse(List.of());
        Names names = new Names("cost line", problems);
        for (int i = 0; i < items.size(); i++) {
            Section.of(items.get(i), Problems.item(c.path("lines"), i), LINE_KEYS, problems)
                    .flatMap(l -> line(l, names, currency)).ifPresent(lines::add);
        }
        return new CostSpec(c.integer("users", 1), plan, min, max, lines);
    }

    /** {@code PREFIX_usd} or {@code PREFIX_local}, when one of them is given. */
    private static Optional<Money> money(Section s, String prefix, boolean currency) {
        String usdKey = prefix + "_usd";
        String localKey = prefix + "_local";
        OptionalDouble usd = s.number(usdKey, Bound.NON_NEGATIVE);
        OptionalDouble local = s.number(localKey, Bound.NON_NEGATIVE);
        if (s.has(usdKey) && s.has(localKey)) {
            s.reportKey(localKey, "give either '" + usdKey + "' or '" + localKey + "', not both");
            return Optional.empty();
        }
        if (local.isPresent()) {
            return needsCurrency(s, localKey, currency) ? Optional.of(new Money(local.getAsDouble(), true))
                    : Optional.empty();
        }
        return usd.isPresent() ? Optional.of(new Money(usd.getAsDouble(), false)) : Optional.empty();
    }

    /** True with a currency; else reports that {@code key} needs one. */
    private static boolean needsCurrency(Section s, String key, boolean currency) {
        if (!currency) {
            s.reportKey(key, "'" + key + "' is in the model's currency: it needs a currency section (code, per_usd)");
        }
        return currency;
    }

    private static Optional<CostLineSpec> line(Section l, Names names, boolean currency) {
        String name = names.claim(l).orElse("");
        List<Form> priced = Arrays.stream(Form.values()).filter(f -> l.has(f.priceKey())).toList();
        if (priced.size() != 1) {
            noSinglePrice(l, priced);
            return Optional.empty();
        }
        Form form = priced.get(0);
        for (Form other : Form.values()) {
            String q = other.quantityKey();
            if (!q.isEmpty() && !q.equals(form.quantityKey()) && l.has(q)) {
                l.reportKey(q, "'" + q + "' goes with '" + other.priceKey() + "', not with '" + form.priceKey() + "'");
            }
        }
        if (l.has(MIN_KEY) && form != Form.SHARE) {
            l.reportKey(MIN_KEY, "'" + MIN_KEY + "' applies only to a '" + Form.SHARE.priceKey() + "' line");
        }
        if (form == Form.FIXED_LOCAL && !needsCurrency(l, form.priceKey(), currency)) {
            return Optional.empty();
        }
        double quantity = form.quantityKey().isEmpty() ? 1
                : l.requiredNumber(form.quantityKey(), Bound.NON_NEGATIVE).orElse(0);
        double price = l.requiredNumber(form.priceKey(), form == Form.SHARE ? Bound.between(0, 100)
                : Bound.NON_NEGATIVE).orElse(0);
        return Optional.of(new CostLineSpec(name, form, quantity, price,
                l.number(MIN_KEY, Bound.NON_NEGATIVE).orElse(0)));
    }

    /** Reports a line with no price key, or with several. */
    private static void noSinglePrice(Section l, List<Form> priced) {
        if (priced.size() > 1) {
            l.reportKey(priced.get(1).priceKey(), "a cost line has one price, found " + priced.stream()
                    .map(f -> "'" + f.priceKey() + "'").collect(Collectors.joining(" and ")));
            return;
        }
        for (Form f : Form.values()) {
            if (!f.quantityKey().isEmpty() && l.has(f.quantityKey())) {
                l.reportKey(f.quantityKey(), "'" + f.quantityKey() + "' needs its price '" + f.priceKey() + "'");
                return;
            }
        }
        l.problems().at(l.node(), l.path(), "a cost line needs a price, one of: " + Arrays.stream(Form.values())
                .map(Form::priceKey).collect(Collectors.joining(", ")));
    }
}
