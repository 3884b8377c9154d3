package io.mita.budget.transaction;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.mita.budget.money.Money;
import io.mita.budget.web.MoneyFields;
import io.mita.budget.web.ValidMoney;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * Body of {@code POST /api/budget/transactions}. Unknown members ({@code id}, {@code userId}, ...) are
 * ignored: the owner always comes from the token, the id is always made here.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@ValidMoney
record CreateTransactionRequest(
        @NotNull @Pattern(regexp = "EXPENSE|INCOME", message = "must be EXPENSE or INCOME")
        String type,

        @NotNull String amount,
        @NotNull String currency,
        @NotBlank @Size(max = 64) String category,
        @NotNull @PlausibleOccurredOn LocalDate occurredOn,
        @Size(max = 120) String merchant,
        @Size(max = 500) String note)
        implements MoneyFields {

    TransactionDraft toDraft() {
        return new TransactionDraft(
                TransactionType.valueOf(type), Money.parse(amount, currency), category, occurredOn, merchant, note);
    }
}
