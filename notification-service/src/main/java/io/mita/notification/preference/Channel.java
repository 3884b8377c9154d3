package io.mita.notification.preference;

/** Where a notification can go. */
public enum Channel {
    IN_APP,
    EMAIL,
    PUSH
}
