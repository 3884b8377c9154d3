-- Login lockout: consecutive failed logins and, once they reach mita.auth.lockout.max-failures, the
-- instant the lock ends. Both are changed only by single UPDATE statements (LoginAttemptRepository), so
-- concurrent failures count exactly and lock exactly once. A lock that has ended stays recorded until
-- the next login attempt, password reset or administrator clears it (then the unlock event is written).
ALTER TABLE user_account
    ADD COLUMN failed_attempts INT NOT NULL DEFAULT 0,
    ADD COLUMN locked_until    TIMESTAMPTZ,
    ADD CONSTRAINT user_account_failed_attempts_not_negative CHECK (failed_attempts >= 0);
