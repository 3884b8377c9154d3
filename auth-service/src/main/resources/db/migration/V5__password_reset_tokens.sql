-- Password-reset tokens: only the SHA-256 hash (hex) of the token is stored. Single use (used_at),
-- short-lived (expires_at, 30 minutes by default). request_id is the requestId of the event that
-- carried the sealed token to notification-service.
CREATE TABLE password_reset_token (
    id         UUID        PRIMARY KEY,
    user_id    UUID        NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    request_id UUID        NOT NULL,
    token_hash VARCHAR(64) NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL,
    CONSTRAINT password_reset_token_hash_unique UNIQUE (token_hash)
);

CREATE INDEX password_reset_token_user ON password_reset_token (user_id);
