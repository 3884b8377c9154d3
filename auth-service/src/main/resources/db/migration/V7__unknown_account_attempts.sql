-- Logins and password-reset requests for e-mail addresses that have no account, counted per UTC day and
-- kind. Nothing that the caller sent is stored (no address, no hash of one): a row only says how many such
-- attempts a day saw, a credential-stuffing and enumeration signal. Writing it also gives such a request
-- the same kind of database work as one for an existing account (one committed write), so the two answer
-- in about the same time (docs/auth.md, "no user enumeration"). Two rows per day: no pruning needed.
CREATE TABLE unknown_account_attempt (
    day      DATE        NOT NULL,
    kind     VARCHAR(32) NOT NULL CHECK (kind IN ('LOGIN', 'PASSWORD_RESET')),
    attempts BIGINT      NOT NULL CHECK (attempts > 0),
    PRIMARY KEY (day, kind)
);
