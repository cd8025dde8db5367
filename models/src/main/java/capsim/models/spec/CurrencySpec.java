package capsim.models.spec;

/** {@code currency: {code: TZS, per_usd: 2600}}: cost is also shown in this currency. */
public record CurrencySpec(String code, double perUsd) {
}
