package io.mita.notification.mail;

import io.mita.notification.feed.NotificationTexts;
import java.util.List;

/**
 * Writes the e-mail of a notification in the user's language: the notification's title as subject, a plain-text
 * and an HTML body (the same content, HTML-escaped), a link to the app and the unsubscribe link (also in the
 * {@code List-Unsubscribe} sense: every notification mail has one).
 */
final class NotificationMail {

    private NotificationMail() {}

    static MailMessage compose(
            QueuedMail mail, String address, String appLink, String unsubscribeLink, NotificationTexts texts) {
        String locale = mail.locale();
        String greeting = texts.message("mail.greeting", List.of(), locale);
        String open = texts.message("mail.open", List.of(), locale);
        String why =
                texts.message("mail.why", List.of(texts.message("kind." + mail.kind(), List.of(), locale)), locale);
        String stop = texts.message("mail.unsubscribe", List.of(), locale);
        String signature = texts.message("mail.signature", List.of(), locale);
        String text = """
                %s

                %s

                %s: %s

                %s
                --
                %s
                %s: %s
                """.formatted(greeting, mail.body(), open, appLink, signature, why, stop, unsubscribeLink);
        String html = """
                <!DOCTYPE html>
                <html lang="%s"><head><meta charset="UTF-8"><title>%s</title></head>
                <body>
                <p>%s</p>
                <p>%s</p>
                <p><a href="%s">%s</a></p>
                <p>%s</p>
                <hr>
                <p style="font-size:small">%s <a href="%s">%s</a></p>
                </body></html>
                """.formatted(
                        html(NotificationTexts.locale(locale).getLanguage()),
                        html(mail.title()),
                        html(greeting),
                        html(mail.body()),
                        html(appLink),
                        html(open),
                        html(signature),
                        html(why),
                        html(unsubscribeLink),
                        html(stop));
        return new MailMessage(address, mail.title(), text, html);
    }

    static String html(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
