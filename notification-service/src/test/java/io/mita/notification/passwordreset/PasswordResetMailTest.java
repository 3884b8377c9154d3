package io.mita.notification.passwordreset;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.notification.mail.MailMessage;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PasswordResetMailTest {

    static final String BASE = "http://localhost:3000/reset-password";
    static final Instant EXPIRES = Instant.parse("2026-01-15T10:30:00Z");

    @Test
    void isAddressedToTheRecipientWithTheResetSubject() {
        MailMessage mail =
                PasswordResetMail.compose(new DeliveryDetails("ann@example.com", "tok", "Ann"), BASE, EXPIRES);

        assertThat(mail.to()).isEqualTo("ann@example.com");
        assertThat(mail.subject()).isEqualTo("Reset your MITA password");
    }

    @Test
    void bothBodiesCarryTheLinkWithTheTokenAfterTheConfiguredBase() {
        MailMessage mail =
                PasswordResetMail.compose(new DeliveryDetails("ann@example.com", "Zr3X-k_P0", "Ann"), BASE, EXPIRES);

        assertThat(mail.text()).contains(BASE + "?token=Zr3X-k_P0");
        assertThat(mail.html()).contains("href=\"" + BASE + "?token=Zr3X-k_P0\"");
    }

    @Test
    void theTokenIsUrlEncoded() {
        assertThat(PasswordResetMail.link(BASE, "a+b/c=")).isEqualTo(BASE + "?token=a%2Bb%2Fc%3D");
    }

    @Test
    void aBaseThatHasAQueryGetsTheTokenAsOneMoreParameter() {
        assertThat(PasswordResetMail.link("https://app.example/reset?lang=de", "t"))
                .isEqualTo("https://app.example/reset?lang=de&token=t");
    }

    @Test
    void greetsByNameAndStatesWhenTheLinkExpiresInUtc() {
        MailMessage mail =
                PasswordResetMail.compose(new DeliveryDetails("ann@example.com", "tok", "Ann Example"), BASE, EXPIRES);

        assertThat(mail.text()).startsWith("Hello Ann Example,").contains("until 2026-01-15 10:30 UTC");
        assertThat(mail.html()).contains("<p>Hello Ann Example,</p>").contains("until 2026-01-15 10:30 UTC");
    }

    @Test
    void greetsWithoutANameWhenThereIsNone() {
        MailMessage mail =
                PasswordResetMail.compose(new DeliveryDetails("ann@example.com", "tok", null), BASE, EXPIRES);

        assertThat(mail.text()).startsWith("Hello,\n");
        assertThat(mail.html()).contains("<p>Hello,</p>");
    }

    @Test
    void aDisplayNameCannotInjectMarkupIntoTheHtmlBody() {
        MailMessage mail = PasswordResetMail.compose(
                new DeliveryDetails("ann@example.com", "tok", "<a href=\"https://evil.example\">click</a>"),
                BASE,
                EXPIRES);

        assertThat(mail.html())
                .doesNotContain("evil.example\">")
                .contains("&lt;a href=&quot;https://evil.example&quot;&gt;click&lt;/a&gt;");
    }

    @Test
    void aDisplayNameCannotAddLinesToTheTextBody() {
        MailMessage mail = PasswordResetMail.compose(
                new DeliveryDetails("ann@example.com", "tok", "Ann\r\nVisit evil.example"), BASE, EXPIRES);

        assertThat(mail.text().lines().findFirst()).hasValue("Hello Ann  Visit evil.example,");
    }

    @Test
    void thePrintedMessageShowsNeitherTheAddressNorTheToken() {
        MailMessage mail =
                PasswordResetMail.compose(new DeliveryDetails("ann@example.com", "secret-token", "Ann"), BASE, EXPIRES);

        assertThat(mail.toString()).doesNotContain("ann@example.com").doesNotContain("secret-token");
    }
}
