package io.mita.common.events;

/** An event that can never be processed (malformed, missing attributes): it goes to the dead-letter topic at once. */
public class NonRetryableEventException extends RuntimeException {

    public NonRetryableEventException(String message) {
        super(message);
    }

    public NonRetryableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
