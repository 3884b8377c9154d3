package io.mita.notification.live;

/** A stream client that fell more than its buffer behind: its stream ends, the others go on. */
class SlowClientException extends RuntimeException {

    SlowClientException(int buffer) {
        super("the client did not read; more than " + buffer + " notifications were waiting", null, false, false);
    }
}
