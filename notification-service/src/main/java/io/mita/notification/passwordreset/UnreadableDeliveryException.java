package io.mita.notification.passwordreset;

import io.mita.common.events.NonRetryableEventException;

/**
 * A sealed delivery that does not open: tampered, sealed with another key or for another request, or not
 * in a known format. Trying again cannot help, so the event goes to the dead-letter topic. The message
 * never holds any of the plaintext and no cause is attached.
 */
class UnreadableDeliveryException extends NonRetryableEventException {

    UnreadableDeliveryException(String reason) {
        super("password reset delivery cannot be opened: " + reason);
    }
}
