package capsim.models.spec;

/**
 * One entry of {@code cost.lines}: a {@code name} and one pricing {@link Form}, given by its
 * keys: a monthly quantity ({@code quantity}, absent for fixed amounts and shares) and a price
 * ({@code price}); a {@link Form#SHARE} may have a floor {@code min_usd_per_month}.
 */
public record CostLineSpec(String name, Form form, double quantity, double price, double minUsdPerMonth) {
    /** The pricing forms, each with its quantity key ("" for none), price key and price unit. */
    public enum Form {
        /** {@code usd_per_month}: a fixed amount (CDN plan, support contract, SaaS). */
        FIXED("", "usd_per_month", 1),
        /** {@code local_per_month}: a fixed amount in the model's currency. */
        FIXED_LOCAL("", "local_per_month", 1),
        /** {@code gb_month} x {@code usd_per_gb_month}: storage (GB kept over the month). */
        STORAGE("gb_month", "usd_per_gb_month", 1),
        /** {@code gb_per_month} x {@code usd_per_gb}: data transfer. */
        TRANSFER("gb_per_month", "usd_per_gb", 1),
        /** {@code tokens_per_month} x {@code usd_per_million_tokens}: AI API tokens. */
        TOKENS("tokens_per_month", "usd_per_million_tokens", 1e6),
        /** {@code requests_per_month} x {@code usd_per_million_requests}: per-request services. */
        REQUESTS("requests_per_month", "usd_per_million_requests", 1e6),
        /** {@code percent_of_bill} (of everything else), at least {@code min_usd_per_month}: support plans. */
        SHARE("", "percent_of_bill", 100);

        private final String quantityKey;
        private final String priceKey;
        private final double unitsPerPrice;

        Form(String quantityKey, String priceKey, double unitsPerPrice) {
            this.quantityKey = quantityKey;
            this.priceKey = priceKey;
            this.unitsPerPrice = unitsPerPrice;
        }

        /** The key of the monthly quantity; "" when the form has none. */
        public String quantityKey() {
            return quantityKey;
        }

        public String priceKey() {
            return priceKey;
        }

        /** Quantity units one price buys (1e6 for prices per million, 100 for percentages). */
        public double unitsPerPrice() {
            return unitsPerPrice;
        }
    }

    /** The line of a {@link Form#FIXED} amount. */
    public static CostLineSpec fixed(String name, double usdPerMonth) {
        return new CostLineSpec(name, Form.FIXED, 1, usdPerMonth, 0);
    }
}
