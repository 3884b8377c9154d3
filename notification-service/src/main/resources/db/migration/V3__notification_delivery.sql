-- Notifications made from domain events (issue 11): each event makes at most one notification (event_id),
-- seq orders a user's notifications (cursor, SSE ids and Last-Event-ID replay; one sequence, so monotonic
-- per user too), event_time is when the event happened (delivery latency).
ALTER TABLE notification ADD COLUMN seq BIGSERIAL;
ALTER TABLE notification ADD COLUMN event_id UUID;
ALTER TABLE notification ADD COLUMN event_time TIMESTAMPTZ;
CREATE UNIQUE INDEX notification_seq ON notification (seq);
CREATE UNIQUE INDEX notification_event ON notification (event_id);
CREATE INDEX notification_user_seq ON notification (user_id, seq DESC) WHERE deleted_at IS NULL;

-- Per user: which kinds go to which channel, where e-mail goes, in which language and when not.
-- No row = the defaults (NotificationPreferences.defaults). email is the address the user gave for
-- notification mail: no event carries an address (docs/notifications.md).
CREATE TABLE notification_preference (
    user_id       UUID         PRIMARY KEY,
    email         VARCHAR(320),
    locale        VARCHAR(16)  NOT NULL,
    time_zone     VARCHAR(64)  NOT NULL,
    quiet_start   TIME,
    quiet_end     TIME,
    in_app_kinds  TEXT[]       NOT NULL,
    email_kinds   TEXT[]       NOT NULL,
    push_kinds    TEXT[]       NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CHECK ((quiet_start IS NULL) = (quiet_end IS NULL))
);

-- The durable mail queue: the event listener only inserts a row; MailQueueSender sends it outside the
-- listener thread, with back-off, and parks it as DEAD (the dead-letter store) after the last attempt.
CREATE TABLE mail_queue (
    id               UUID         PRIMARY KEY,
    event_id         UUID         NOT NULL UNIQUE,
    user_id          UUID         NOT NULL,
    kind             VARCHAR(64)  NOT NULL,
    locale           VARCHAR(16)  NOT NULL,
    title            VARCHAR(200) NOT NULL,
    body             VARCHAR(2000) NOT NULL,
    status           VARCHAR(16)  NOT NULL CHECK (status IN ('PENDING', 'SENT', 'DEAD', 'SKIPPED')),
    attempts         INTEGER      NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at  TIMESTAMPTZ  NOT NULL,
    held_until       TIMESTAMPTZ,
    last_error       VARCHAR(500),
    event_time       TIMESTAMPTZ,
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    sent_at          TIMESTAMPTZ,
    dead_at          TIMESTAMPTZ
);
CREATE INDEX mail_queue_due ON mail_queue (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX mail_queue_dead ON mail_queue (dead_at DESC) WHERE status = 'DEAD';

-- Days on which a habit was completed, to tell the streak in the habit notification.
CREATE TABLE habit_completion (
    habit_id  UUID NOT NULL,
    user_id   UUID NOT NULL,
    day       DATE NOT NULL,
    PRIMARY KEY (habit_id, day)
);

-- Push: the devices a user registered (POST /api/notifications/devices); a token the provider calls
-- unregistered is removed.
CREATE TABLE device_token (
    user_id     UUID         NOT NULL,
    token       VARCHAR(512) NOT NULL,
    platform    VARCHAR(16)  NOT NULL CHECK (platform IN ('ANDROID', 'IOS', 'WEB')),
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, token)
);
CREATE INDEX device_token_token ON device_token (token);
