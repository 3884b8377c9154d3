package io.mita.notification.push;

import java.util.Objects;

/** One push message to one device. {@code toString} does not show the device token. */
public record PushMessage(String deviceToken, String title, String body, String kind) {

    public PushMessage {
        Objects.requireNonNull(deviceToken, "deviceToken");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
    }

    @Override
    public String toString() {
        return "PushMessage[kind=" + kind + ", title=" + title + "]";
    }
}
