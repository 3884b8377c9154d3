-- One row per e-mail this service was asked to send (today: password-reset mails), keyed by the event
-- that asked for it. The recipient's address and any token are never stored: they exist only inside
-- the event's encrypted delivery and in memory while the mail is sent.
CREATE TABLE email_delivery (
    id          UUID         PRIMARY KEY,
    user_id     UUID         NOT NULL,
    kind        VARCHAR(64)  NOT NULL,
    event_id    UUID         NOT NULL UNIQUE,
    status      VARCHAR(16)  NOT NULL CHECK (status IN ('SENT', 'FAILED')),
    attempts    INTEGER      NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error  VARCHAR(500),
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    sent_at     TIMESTAMPTZ,
    CHECK ((status = 'SENT') = (sent_at IS NOT NULL))
);
CREATE INDEX email_delivery_user_created ON email_delivery (user_id, created_at DESC);
