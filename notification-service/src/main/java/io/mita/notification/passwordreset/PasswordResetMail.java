package io.mita.notification.passwordreset;

import io.mita.notification.mail.MailMessage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Writes the password-reset e-mail: a plain-text and an HTML body with the same link. */
final class PasswordResetMail {

    static final String SUBJECT = "Reset your MITA password";
    private static final DateTimeFormatter EXPIRY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final int MAX_NAME = 100;

    private PasswordResetMail() {}

    static MailMessage compose(DeliveryDetails details, String resetLinkBase, Instant expiresAt) {
        String link = link(resetLinkBase, details.token());
        String greeting = greeting(details.displayName());
        String expiry = EXPIRY.format(expiresAt);
        String text = """
                %s

                Someone, hopefully you, asked to reset the password of your MITA account.
                Open this link to choose a new password:

                %s

                The link works until %s. If you did not ask for this, ignore this e-mail:
                your password stays as it is.

                MITA
                """.formatted(greeting, link, expiry);
        String html = """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="UTF-8"><title>%s</title></head>
                <body>
                <p>%s</p>
                <p>Someone, hopefully you, asked to reset the password of your MITA account.</p>
                <p><a href="%s">Choose a new password</a></p>
                <p>If the button does not work, copy this address into your browser:<br>%s</p>
                <p>The link works until %s. If you did not ask for this, ignore this e-mail: your password stays as it is.</p>
                <p>MITA</p>
                </body></html>
                """.formatted(SUBJECT, html(greeting), html(link), html(link), expiry);
        return new MailMessage(details.email(), SUBJECT, text, html);
    }

    /** {@code <base>?token=<token>} (or {@code &token=} when the base has a query already), the token URL-encoded. */
    static String link(String resetLinkBase, String token) {
        String separator = resetLinkBase.contains("?") ? "&" : "?";
        return resetLinkBase + separator + "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    private static String greeting(String displayName) {
        if (displayName == null || displayName.isBlank()) {
            return "Hello,";
        }
        String name = displayName.replaceAll("\\p{Cntrl}", " ").strip();
        if (name.length() > MAX_NAME) {
            name = name.substring(0, MAX_NAME);
        }
        return "Hello " + name + ",";
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
