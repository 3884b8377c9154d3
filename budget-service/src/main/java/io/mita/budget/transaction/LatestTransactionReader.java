package io.mita.budget.transaction;

import io.mita.budget.dashboard.DashboardDay;
import io.mita.budget.dashboard.DashboardPart;
import io.mita.budget.dashboard.DashboardTransaction;
import io.mita.budget.dashboard.LatestTransactions;
import io.mita.budget.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard's latest transactions: the first page of the listing (newest {@code occurred_on} first, then id),
 * one range scan of index {@code transaction_user_listing} that stops after {@code :transactionLimit} rows, as a
 * JSON array of arrays {@code [id, type, amount, currency, category, occurredOn, merchant]}.
 */
@Component
class LatestTransactionReader implements LatestTransactions {

    static final String LATEST = """
            (SELECT json_agg(json_build_array(t.id, t.type, t.amount::text, t.currency, t.category, t.occurred_on,
                                              t.merchant) ORDER BY t.occurred_on DESC, t.id DESC)
             FROM (SELECT id, type, amount, currency, category, occurred_on, merchant FROM transaction
                   WHERE user_id = :userId AND deleted_at IS NULL
                   ORDER BY occurred_on DESC, id DESC LIMIT :transactionLimit) t)""";

    @Override
    public String subquery() {
        return LATEST;
    }

    @Override
    public List<DashboardTransaction> read(String json, DashboardDay day) {
        List<DashboardTransaction> lines = new ArrayList<>();
        for (JsonNode line : DashboardPart.parse(json)) {
            String currency = line.get(3).asString();
            lines.add(new DashboardTransaction(
                    UUID.fromString(line.get(0).asString()),
                    line.get(1).asString(),
                    new Money(new BigDecimal(line.get(2).asString()), Currency.getInstance(currency)).amountText(),
                    currency,
                    line.get(4).asString(),
                    LocalDate.parse(line.get(5).asString()),
                    line.get(6).isNull() ? null : line.get(6).asString()));
        }
        return lines;
    }
}
