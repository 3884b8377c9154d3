package io.mita.notification.mail;

import io.mita.common.pii.PiiMasker;
import io.mita.notification.config.NotificationProperties;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sends mail over SMTP with Spring's {@link JavaMailSender} (configured by {@code spring.mail.*}, 5 s
 * connect/read/write timeouts). Jakarta Mail blocks, so the send runs on the bounded-elastic scheduler.
 */
@Component
class SmtpMailer implements Mailer {

    private static final int MAX_REASON = 300;

    private final JavaMailSender sender;
    private final String from;
    private final PiiMasker masker = new PiiMasker();

    SmtpMailer(JavaMailSender sender, NotificationProperties properties) {
        this.sender = sender;
        this.from = properties.mailFrom();
    }

    @Override
    public Mono<Void> send(MailMessage message) {
        return Mono.<Void>fromRunnable(() -> deliver(message)).subscribeOn(Schedulers.boundedElastic());
    }

    private void deliver(MailMessage message) {
        MimeMessage mime = sender.createMimeMessage();
        try {
            var helper = new MimeMessageHelper(
                    mime, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(new InternetAddress(message.to(), true));
            helper.setSubject(message.subject());
            helper.setText(message.text(), message.html());
        } catch (AddressException unusable) {
            throw new MailDeliveryException("the recipient address is not a valid address", true);
        } catch (MessagingException malformed) {
            throw new MailDeliveryException(reason("the message could not be built", malformed, message), true);
        }
        try {
            sender.send(mime);
        } catch (MailException failure) {
            boolean permanent = failure instanceof MailParseException
                    || failure instanceof MailPreparationException
                    || rejectsTheRecipient(failure);
            throw new MailDeliveryException(
                    reason(
                            permanent
                                    ? "the message cannot be delivered"
                                    : "the SMTP server did not accept the message",
                            failure,
                            message),
                    permanent);
        }
    }

    /** The server answered that the recipient does not exist or is refused (a 5xx to RCPT TO): resending cannot help. */
    private static boolean rejectsTheRecipient(MailException failure) {
        if (failure instanceof MailSendException send) {
            for (Exception cause : send.getMessageExceptions()) {
                if (cause instanceof SendFailedException rejected
                        && rejected.getInvalidAddresses() != null
                        && rejected.getInvalidAddresses().length > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    /** What went wrong, from the innermost cause, without the recipient's address (or any other e-mail address). */
    private String reason(String what, Exception failure, MailMessage message) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String detail = root.getMessage() == null ? "" : root.getMessage().replace(message.to(), "<recipient>");
        String reason =
                what + ": " + root.getClass().getSimpleName() + (detail.isEmpty() ? "" : ": " + masker.mask(detail));
        return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON);
    }
}
