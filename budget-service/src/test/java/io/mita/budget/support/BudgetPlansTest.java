package io.mita.budget.support;

import static io.mita.budget.support.BudgetPlans.aPlan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BudgetPlansTest {

    @Test
    void theDefaultPlanIsThreeThousandEurosWithGroceriesAndDiningAndNoSavingsTarget() {
        assertThat(aPlan().json())
                .isEqualTo(Map.of(
                        "income",
                        "3000.00",
                        "currency",
                        "EUR",
                        "categories",
                        List.of(
                                Map.of("category", "groceries", "amount", "300.00"),
                                Map.of("category", "dining", "amount", "150.00"))));
    }

    @Test
    void theKnobsChangeOnlyWhatTheyName() {
        assertThat(aPlan().withIncome("1000.00")
                        .withSavingsTarget("500.00")
                        .withCategories("pets", "50.00")
                        .json())
                .isEqualTo(Map.of(
                        "income",
                        "1000.00",
                        "currency",
                        "EUR",
                        "savingsTarget",
                        "500.00",
                        "categories",
                        List.of(Map.of("category", "pets", "amount", "50.00"))));
    }

    @Test
    void aCategoryWithoutItsAmountIsRefused() {
        assertThatThrownBy(() -> aPlan().withCategories("groceries", "300.00", "dining"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pairs");
    }
}
