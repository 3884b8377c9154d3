package io.mita.notification.mail;

/**
 * A mail that was not accepted. The message is safe to log and store: it never holds the recipient's
 * address or the mail's content, and the underlying exception is deliberately not attached as the cause
 * (mail exceptions carry the message and its addresses).
 */
public class MailDeliveryException extends RuntimeException {

    private final boolean permanent;

    public MailDeliveryException(String message, boolean permanent) {
        super(message, null, false, true);
        this.permanent = permanent;
    }

    /** True when sending the same message again cannot succeed (an unusable address); false for outages. */
    public boolean permanent() {
        return permanent;
    }
}
