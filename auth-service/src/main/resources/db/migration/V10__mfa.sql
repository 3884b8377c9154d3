-- Two-factor sign-in with TOTP (RFC 6238). The secret is AES-256-GCM encrypted under the master key
-- (MITA_AUTH_MASTER_KEY; associated data "mfa-totp:<user id>"). confirmed_at is null while an enrolment waits
-- for its first code; last_used_step is the time step of the last accepted code (a code is accepted once).
CREATE TABLE user_mfa (
    user_id          UUID        PRIMARY KEY REFERENCES user_account (id) ON DELETE CASCADE,
    secret_encrypted BYTEA       NOT NULL,
    iv               BYTEA       NOT NULL,
    created_at       TIMESTAMPTZ NOT NULL,
    confirmed_at     TIMESTAMPTZ,
    last_used_step   BIGINT      NOT NULL DEFAULT -1
);

-- One-time recovery codes: only an HMAC-SHA256 (hex) under a key derived from the master key is stored.
CREATE TABLE mfa_recovery_code (
    user_id   UUID        NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    code_hash VARCHAR(64) NOT NULL,
    used_at   TIMESTAMPTZ,
    PRIMARY KEY (user_id, code_hash)
);

-- The second step of a login: the password was right, a code is due. The MFA token handed to the client is
-- stored as its SHA-256 (hex); it is short-lived and dies after mita.auth.mfa.max-attempts wrong codes.
CREATE TABLE mfa_challenge (
    id              UUID        PRIMARY KEY,
    user_id         UUID        NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    token_hash      VARCHAR(64) NOT NULL UNIQUE,
    expires_at      TIMESTAMPTZ NOT NULL,
    failed_attempts INT         NOT NULL DEFAULT 0,
    used_at         TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL
);

CREATE INDEX mfa_challenge_user ON mfa_challenge (user_id);
