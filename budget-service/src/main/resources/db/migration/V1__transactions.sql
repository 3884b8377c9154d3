-- Budget transactions: what a user spent or earned. Amounts are exact decimals with an ISO 4217
-- currency (never floating point); rows are soft-deleted (deleted_at) so events and audits stay
-- explainable; version is the optimistic-locking counter that also serves as the ETag.
CREATE TABLE transaction (
    id          UUID          PRIMARY KEY,
    user_id     UUID          NOT NULL,
    type        VARCHAR(16)   NOT NULL CONSTRAINT transaction_type_known CHECK (type IN ('EXPENSE', 'INCOME')),
    amount      NUMERIC(19, 4) NOT NULL CONSTRAINT transaction_amount_positive CHECK (amount > 0),
    currency    CHAR(3)       NOT NULL CONSTRAINT transaction_currency_iso CHECK (currency ~ '^[A-Z]{3}$'),
    category    VARCHAR(64)   NOT NULL CONSTRAINT transaction_category_not_blank CHECK (length(btrim(category)) > 0),
    occurred_on DATE          NOT NULL,
    merchant    VARCHAR(120),
    note        VARCHAR(500),
    created_at  TIMESTAMPTZ   NOT NULL,
    updated_at  TIMESTAMPTZ   NOT NULL,
    deleted_at  TIMESTAMPTZ,
    version     BIGINT        NOT NULL DEFAULT 0
);

-- The listing: a user's live transactions, newest first, keyset-paginated on (occurred_on, id).
CREATE INDEX transaction_user_listing
    ON transaction (user_id, occurred_on DESC, id DESC)
    WHERE deleted_at IS NULL;

-- Idempotency-Key of POST /transactions: the first request with a key claims it (in the same database
-- transaction as the row it creates); a replay with the same request hash answers that transaction,
-- a different request under the same key is refused. The claim is inserted before the transaction
-- row, hence the deferred foreign key.
CREATE TABLE idempotency_key (
    user_id        UUID         NOT NULL,
    key            VARCHAR(128) NOT NULL,
    request_hash   CHAR(64)     NOT NULL,
    transaction_id UUID         NOT NULL
        CONSTRAINT idempotency_key_transaction_fk REFERENCES transaction (id) DEFERRABLE INITIALLY DEFERRED,
    created_at     TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (user_id, key)
);
