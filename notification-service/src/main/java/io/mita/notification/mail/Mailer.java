package io.mita.notification.mail;

import reactor.core.publisher.Mono;

/** The port through which this service sends e-mail. */
public interface Mailer {

    /**
     * Completes when the mail server has accepted the message.
     *
     * @throws MailDeliveryException (as the Mono's error) when it did not; {@link MailDeliveryException#permanent()}
     *                               tells whether trying again can help
     */
    Mono<Void> send(MailMessage message);
}
