package io.mita.budget.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CategoryMonthsTest {

    @Test
    void aChangedDayWritesItsCategorysWholeMonthAndNoOtherCategory() {
        Map<String, long[]> before = months(new long[] {10, 10, 10}, new long[] {5, 5, 5});
        Map<String, long[]> after = months(new long[] {10, 10, 10}, new long[] {9, 3, 3});

        CategoryMonths changed = CategoryMonths.between(before, after, 3).orElseThrow();

        assertThat(changed.categories()).containsExactly("groceries");
        assertThat(changed.amounts()).containsExactly(9L, 3L, 3L);
        assertThat(changed.days()).isEqualTo(3);
        assertThat(changed.size()).isOne();
    }

    @Test
    void nothingChangedIsEmpty() {
        Map<String, long[]> before = months(new long[] {10, 10, 10}, new long[] {5, 5, 5});

        assertThat(CategoryMonths.between(before, months(new long[] {10, 10, 10}, new long[] {5, 5, 5}), 3))
                .hasValueSatisfying(changed -> assertThat(changed.isEmpty()).isTrue());
    }

    @Test
    void otherCategoriesOrMonthsOfAnotherLengthMustBeReplacedWhole() {
        Map<String, long[]> before = months(new long[] {10, 10, 10}, new long[] {5, 5, 5});

        assertThat(CategoryMonths.between(before, Map.of("dining", new long[] {10, 10, 10}), 3))
                .isEqualTo(Optional.empty());
        assertThat(CategoryMonths.between(before, months(new long[] {10, 10, 10}, new long[] {5, 5}), 3))
                .isEqualTo(Optional.empty());
        assertThat(CategoryMonths.between(before, before, 31)).isEqualTo(Optional.empty());
    }

    @Test
    void aWholeMonthIsItsCategoriesMonthsOneAfterTheOther() {
        CategoryMonths month = CategoryMonths.of(months(new long[] {1, 2}, new long[] {3, 4}), 2);

        assertThat(month.categories()).containsExactly("dining", "groceries");
        assertThat(month.amounts()).containsExactly(1L, 2L, 3L, 4L);
        assertThatThrownBy(() -> CategoryMonths.of(months(new long[] {1, 2}, new long[] {3}), 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<String, long[]> months(long[] dining, long[] groceries) {
        Map<String, long[]> months = new TreeMap<>();
        months.put("dining", dining);
        months.put("groceries", groceries);
        return months;
    }
}
