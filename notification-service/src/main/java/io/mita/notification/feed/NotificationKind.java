package io.mita.notification.feed;

/** What a notification is about; one per consumed event type (the preferences choose channels per kind). */
public enum NotificationKind {
    ACCOUNT_LOCKED,
    WELCOME,
    BUDGET_THRESHOLD,
    GOAL_COMPLETED,
    HABIT_COMPLETED,
    INSIGHT,
    RECEIPT_PROCESSED,
    RECEIPT_FAILED
}
