package io.mita.notification.mail;

import io.mita.common.pii.PiiMasker;
import java.util.Objects;

/**
 * One e-mail to one recipient, with a plain-text and an HTML body. Its {@code toString} shows neither
 * the full address nor the bodies (which may carry a token), so it is safe in a log line.
 */
public record MailMessage(String to, String subject, String text, String html) {

    public MailMessage {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
    }

    @Override
    public String toString() {
        return "MailMessage[to=" + PiiMasker.maskEmail(to) + ", subject=" + subject + "]";
    }
}
