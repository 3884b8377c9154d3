-- Savings goals (docs/budget.md, "Goals"). Amounts are exact decimals with an ISO 4217 currency (never
-- floating point), stored at scale 4 like transactions. saved_amount is the sum of the goal's
-- contributions, kept on the row in the same database transaction as each contribution (the goal row is
-- locked FOR UPDATE first, so concurrent contributions add up one after the other). Rows are soft-deleted
-- (deleted_at) so contributions and events stay explainable; version is the optimistic-locking counter
-- that also serves as the ETag.
CREATE TABLE goal (
    id            UUID           PRIMARY KEY,
    user_id       UUID           NOT NULL,
    name          VARCHAR(100)   NOT NULL CONSTRAINT goal_name_not_blank CHECK (length(btrim(name)) > 0),
    target_amount NUMERIC(19, 4) NOT NULL CONSTRAINT goal_target_positive CHECK (target_amount > 0),
    currency      CHAR(3)        NOT NULL CONSTRAINT goal_currency_iso CHECK (currency ~ '^[A-Z]{3}$'),
    target_date   DATE           NOT NULL,
    category      VARCHAR(64),
    icon          VARCHAR(32),
    status        VARCHAR(16)    NOT NULL CONSTRAINT goal_status_known CHECK (status IN ('ACTIVE', 'PAUSED', 'COMPLETED')),
    saved_amount  NUMERIC(19, 4) NOT NULL DEFAULT 0 CONSTRAINT goal_saved_not_negative CHECK (saved_amount >= 0),
    completed_at  TIMESTAMPTZ,
    created_at    TIMESTAMPTZ    NOT NULL,
    updated_at    TIMESTAMPTZ    NOT NULL,
    deleted_at    TIMESTAMPTZ,
    version       BIGINT         NOT NULL DEFAULT 0,
    CONSTRAINT goal_completed_at_iff_completed CHECK ((status = 'COMPLETED') = (completed_at IS NOT NULL))
);

-- The listing and the statistics: a user's live goals in creation order.
CREATE INDEX goal_user_listing ON goal (user_id, created_at, id) WHERE deleted_at IS NULL;

-- Every contribution to a goal, never changed. idempotency_key/request_hash: the Idempotency-Key a client
-- sent with the contribution and the hash of the request it was bound to (one key per user, whatever the
-- goal); the goal's own table rather than transaction's idempotency_key, whose claims point at
-- transactions.
CREATE TABLE goal_contribution (
    id              UUID           PRIMARY KEY,
    goal_id         UUID           NOT NULL CONSTRAINT goal_contribution_goal_fk REFERENCES goal (id),
    user_id         UUID           NOT NULL,
    amount          NUMERIC(19, 4) NOT NULL CONSTRAINT goal_contribution_amount_positive CHECK (amount > 0),
    currency        CHAR(3)        NOT NULL CONSTRAINT goal_contribution_currency_iso CHECK (currency ~ '^[A-Z]{3}$'),
    note            VARCHAR(200),
    source          VARCHAR(16)    NOT NULL CONSTRAINT goal_contribution_source_known CHECK (source IN ('MANUAL', 'AUTO_TRANSFER')),
    idempotency_key VARCHAR(128),
    request_hash    CHAR(64),
    created_at      TIMESTAMPTZ    NOT NULL,
    CONSTRAINT goal_contribution_key_with_hash CHECK ((idempotency_key IS NULL) = (request_hash IS NULL))
);

-- One key per user: a replay finds its contribution, a concurrent duplicate fails on this index.
CREATE UNIQUE INDEX goal_contribution_idempotency
    ON goal_contribution (user_id, idempotency_key)
    WHERE idempotency_key IS NOT NULL;

-- A goal's history (listing, health), newest first.
CREATE INDEX goal_contribution_goal_history ON goal_contribution (goal_id, created_at DESC, id DESC);
