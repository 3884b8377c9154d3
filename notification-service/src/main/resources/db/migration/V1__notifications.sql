-- In-app notifications per user (delivery, preferences and e-mail arrive with the notifications issue).
CREATE TABLE notification (
    id          UUID PRIMARY KEY,
    user_id     UUID         NOT NULL,
    kind        VARCHAR(64)  NOT NULL,
    title       VARCHAR(200) NOT NULL,
    body        VARCHAR(2000) NOT NULL,
    read_at     TIMESTAMPTZ,
    deleted_at  TIMESTAMPTZ,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX notification_user_created ON notification (user_id, created_at DESC) WHERE deleted_at IS NULL;
