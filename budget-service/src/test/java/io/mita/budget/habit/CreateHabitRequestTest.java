package io.mita.budget.habit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The rules a habit's category, limit and start obey, as a create request or a patch meets them. */
class CreateHabitRequestTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 1, 15);

    @Test
    void aHabitWithoutCategoryOrLimitIsKeptByHandAndStartsToday() {
        HabitDraft draft = request(null, null, null, null).toDraft(TODAY);

        assertThat(draft.rule().automatic()).isFalse();
        assertThat(draft.rule().startsOn()).isEqualTo(TODAY);
        assertThat(draft.name()).isEqualTo("No dining out");
    }

    @Test
    void aCategoryWithACountIsACheckedHabit() {
        HabitDraft draft = request(" dining ", 0, null, null).toDraft(TODAY);

        assertThat(draft.rule().automatic()).isTrue();
        assertThat(draft.rule().category()).isEqualTo("dining");
        assertThat(draft.rule().limit()).isEqualTo(HabitLimit.count(0));
    }

    @Test
    void anAmountKeepsTheCurrencysFractionDigits() {
        HabitDraft draft = request("entertainment", null, "50", "EUR").toDraft(TODAY);

        assertThat(draft.rule().limit().maxAmount().amountText()).isEqualTo("50.00");
    }

    @Test
    void aLimitWithoutCategoryIsRefused() {
        assertThatThrownBy(() -> request(null, 3, null, null).toDraft(TODAY))
                .isInstanceOf(InvalidHabitLimitException.class)
                .hasMessageContaining("category");
    }

    @Test
    void aCategoryWithoutLimitIsRefused() {
        assertThatThrownBy(() -> request("coffee", null, null, null).toDraft(TODAY))
                .isInstanceOf(InvalidHabitLimitException.class);
    }

    @Test
    void aCountAndAnAmountTogetherAreRefused() {
        assertThatThrownBy(() -> request("coffee", 3, "10.00", "EUR").toDraft(TODAY))
                .isInstanceOf(InvalidHabitLimitException.class)
                .hasMessageContaining("not both");
    }

    @Test
    void aNegativeOrHugeCountIsRefused() {
        assertThatThrownBy(() -> request("coffee", -1, null, null).toDraft(TODAY))
                .isInstanceOf(InvalidHabitLimitException.class);
        assertThatThrownBy(() ->
                        request("coffee", HabitLimit.MAX_COUNT + 1, null, null).toDraft(TODAY))
                .isInstanceOf(InvalidHabitLimitException.class);
    }

    @Test
    void anAmountWithoutCurrencyOrACurrencyWithoutAmountIsRefused() {
        assertThatThrownBy(() -> request("coffee", null, "10.00", null).toDraft(TODAY))
                .isInstanceOf(InvalidHabitLimitException.class);
        assertThatThrownBy(() -> request("coffee", 2, null, "EUR").toDraft(TODAY))
                .isInstanceOf(InvalidHabitLimitException.class);
    }

    @Test
    void anAmountThatIsNoMoneyIsRefused() {
        assertThatThrownBy(() -> request("coffee", null, "10.001", "EUR").toDraft(TODAY))
                .isInstanceOf(InvalidHabitLimitException.class)
                .hasMessageContaining("maxAmount");
        assertThatThrownBy(() -> request("coffee", null, "0", "EUR").toDraft(TODAY))
                .isInstanceOf(InvalidHabitLimitException.class);
        assertThatThrownBy(() -> request("coffee", null, "10", "EURO").toDraft(TODAY))
                .isInstanceOf(InvalidHabitLimitException.class)
                .hasMessageContaining("currency");
    }

    @Test
    void aStartAfterTomorrowIsRefusedAndTomorrowIsNot() {
        assertThatThrownBy(() -> starting(TODAY.plusDays(2)).toDraft(TODAY))
                .isInstanceOf(InvalidHabitException.class)
                .hasMessageContaining("startsOn");
        assertThat(starting(TODAY.plusDays(1)).toDraft(TODAY).rule().startsOn()).isEqualTo(TODAY.plusDays(1));
    }

    private static CreateHabitRequest request(String category, Integer maxCount, String maxAmount, String currency) {
        return new CreateHabitRequest("No dining out", category, maxCount, maxAmount, currency, "DAY", null, null);
    }

    private static CreateHabitRequest starting(LocalDate startsOn) {
        return new CreateHabitRequest("Cook at home", null, null, null, null, "DAY", true, startsOn);
    }
}
