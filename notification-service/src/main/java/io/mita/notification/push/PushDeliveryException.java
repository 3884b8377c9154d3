package io.mita.notification.push;

/** A push message the provider did not accept; the message never holds the device token. */
public class PushDeliveryException extends RuntimeException {

    private final boolean unregistered;

    public PushDeliveryException(String message, boolean unregistered) {
        super(message, null, false, false);
        this.unregistered = unregistered;
    }

    /** The provider says the device token is not (or no longer) valid: it should be forgotten. */
    public boolean unregistered() {
        return unregistered;
    }
}
