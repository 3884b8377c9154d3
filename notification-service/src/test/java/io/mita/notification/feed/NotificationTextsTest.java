package io.mita.notification.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NotificationTextsTest {

    final NotificationTexts texts = new NotificationTexts();

    @Test
    void everyKindHasATitleAndABodyInEnglishAndGerman() {
        for (NotificationKind kind : NotificationKind.values()) {
            NotificationRequest request = request(kind, List.of("a", "b", "c", "d", "e", "f"), null);
            for (String locale : List.of("en", "de")) {
                NotificationTexts.Text text = texts.render(request, locale);
                assertThat(text.title()).as("%s %s", kind, locale).isNotBlank().doesNotContain("{");
                assertThat(text.body()).as("%s %s", kind, locale).isNotBlank().doesNotContain("{");
            }
        }
    }

    @Test
    void theThresholdTextNamesPercentCategoryAndAmountsInTheUsersLanguage() {
        NotificationRequest request = request(
                NotificationKind.BUDGET_THRESHOLD,
                List.of("80", "groceries", "2026-03", "321.40", "400.00", "EUR"),
                null);

        NotificationTexts.Text english = texts.render(request, "en");
        NotificationTexts.Text german = texts.render(request, "de");

        assertThat(english.title()).isEqualTo("80 % of your groceries budget is used");
        assertThat(english.body())
                .isEqualTo("In 2026-03 you have spent 321.40 EUR of the 400.00 EUR planned for groceries.");
        assertThat(german.title()).isEqualTo("80 % Ihres Budgets für groceries sind verbraucht");
    }

    @Test
    void theHabitStreakHasItsOwnText() {
        NotificationTexts.Text streak = texts.render(
                request(NotificationKind.HABIT_COMPLETED, List.of("2026-01-15", "3"), "HABIT_COMPLETED.body.streak"),
                "en");
        assertThat(streak.body()).isEqualTo("You kept your habit on 2026-01-15: 3 days in a row.");
    }

    @Test
    void anUnsupportedLanguageFallsBackToEnglish() {
        NotificationTexts.Text text = texts.render(request(NotificationKind.WELCOME, List.of("Ann"), null), "fr");
        assertThat(text.title()).isEqualTo("Welcome to MITA");
    }

    @Test
    void longTextsAreCutToWhatTheTableHolds() {
        String longTitle = "x".repeat(500);
        NotificationTexts.Text text =
                texts.render(request(NotificationKind.INSIGHT, List.of(longTitle, "y".repeat(5000)), null), "en");
        assertThat(text.title()).hasSize(NotificationTexts.MAX_TITLE);
        assertThat(text.body()).hasSize(NotificationTexts.MAX_BODY);
    }

    private static NotificationRequest request(NotificationKind kind, List<String> args, String bodyKey) {
        return new NotificationRequest(UUID.randomUUID(), UUID.randomUUID(), kind, args, bodyKey, Instant.now());
    }
}
