package io.mita.common.events;

import java.util.Objects;

/**
 * An event a service is about to publish.
 *
 * @param type    {@code mita.<service>.<entity>.<verb>.v<N>}
 * @param subject the user id the event is about (also the Kafka key, so a user's events stay ordered)
 * @param data    the payload record the producing service owns
 */
public record OutgoingEvent(String type, String subject, Object data) {

    public OutgoingEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(data, "data");
        if (!type.matches("mita\\.[a-z0-9-]+(\\.[a-z0-9-]+)+\\.v[0-9]+")) {
            throw new IllegalArgumentException(
                    "event type must look like mita.<service>.<entity>.<verb>.v<N>: " + type);
        }
    }
}
