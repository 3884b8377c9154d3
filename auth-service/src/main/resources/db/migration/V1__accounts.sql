-- Accounts and their roles. The e-mail is stored normalised (trimmed, lower case) and unique; the
-- check keeps every writer honest about the normalisation.
CREATE TABLE user_account (
    id            UUID         PRIMARY KEY,
    email         VARCHAR(254) NOT NULL,
    display_name  VARCHAR(100),
    password_hash VARCHAR(255) NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    version       BIGINT       NOT NULL,
    CONSTRAINT user_account_email_unique UNIQUE (email),
    CONSTRAINT user_account_email_normalised CHECK (email = lower(btrim(email)) AND email <> '')
);

CREATE TABLE user_role (
    user_id UUID        NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    role    VARCHAR(20) NOT NULL,
    PRIMARY KEY (user_id, role),
    CONSTRAINT user_role_known CHECK (role IN ('USER', 'COMPLIANCE', 'ADMIN'))
);
