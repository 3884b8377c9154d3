package io.mita.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import io.mita.notification.feed.NotificationTexts;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NotificationMailTest {

    final NotificationTexts texts = new NotificationTexts();

    @Test
    void bothBodiesCarryTheTextTheAppLinkAndTheUnsubscribeLink() {
        MailMessage message = NotificationMail.compose(
                mail("en", "Goal reached: Holiday", "You saved 1200.00 EUR of 1200.00 EUR for Holiday. Well done!"),
                "ann@example.com",
                "http://localhost:3000/",
                "http://localhost:8080/api/notifications/unsubscribe?token=abc.def",
                texts);

        assertThat(message.to()).isEqualTo("ann@example.com");
        assertThat(message.subject()).isEqualTo("Goal reached: Holiday");
        assertThat(message.text())
                .contains("You saved 1200.00 EUR")
                .contains("http://localhost:3000/")
                .contains("Stop these e-mails: http://localhost:8080/api/notifications/unsubscribe?token=abc.def");
        assertThat(message.html())
                .contains("<html lang=\"en\">")
                .contains("href=\"http://localhost:8080/api/notifications/unsubscribe?token=abc.def\"")
                .contains("goal e-mails are switched on");
    }

    @Test
    void germanUsersGetTheGermanFrame() {
        MailMessage message = NotificationMail.compose(
                mail("de", "Ziel erreicht: Urlaub", "Glückwunsch!"),
                "ann@example.com",
                "http://app/",
                "http://u/?token=t",
                texts);

        assertThat(message.text()).contains("Hallo,").contains("Diese E-Mails abbestellen: http://u/?token=t");
        assertThat(message.html()).contains("<html lang=\"de\">").contains("MITA öffnen");
    }

    @Test
    void theHtmlBodyEscapesWhatCameFromEvents() {
        MailMessage message = NotificationMail.compose(
                mail("en", "Goal reached: <b>x</b>", "<script>alert('x')</script> & more"),
                "ann@example.com",
                "http://app/",
                "http://u/?token=t&x=\"y\"",
                texts);

        assertThat(message.html())
                .doesNotContain("<script>")
                .doesNotContain("<b>x</b>")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; more")
                .contains("href=\"http://u/?token=t&amp;x=&quot;y&quot;\"");
    }

    @Test
    void theLinkEncodesTheToken() {
        assertThat(MailQueueSender.link("http://u/unsubscribe", "a+b/c=.d"))
                .isEqualTo("http://u/unsubscribe?token=a%2Bb%2Fc%3D.d");
        assertThat(MailQueueSender.link("http://u/unsubscribe?x=1", "t")).isEqualTo("http://u/unsubscribe?x=1&token=t");
    }

    private static QueuedMail mail(String locale, String title, String body) {
        return new QueuedMail(
                UUID.randomUUID(),
                UUID.randomUUID(),
                UUID.randomUUID(),
                "GOAL_COMPLETED",
                locale,
                title,
                body,
                "PENDING",
                0,
                Instant.now(),
                null,
                null,
                Instant.now(),
                Instant.now(),
                null,
                null);
    }
}
