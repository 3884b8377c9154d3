-- Categories, monthly plans, daily allocations, redistribution runs and thresholds (docs/budget.md,
-- "Persistence and index design").

-- A user's spending categories. The default set is seeded per user on first use (rows like any other,
-- is_default = true, so they can be renamed and archived but never deleted). key is what transactions,
-- plans and daily allocations name: the lower-cased name at creation, never changed by a rename; name is
-- what the app shows. Both are unique per user (name case-insensitively).
CREATE TABLE category (
    id          UUID         PRIMARY KEY,
    user_id     UUID         NOT NULL,
    key         VARCHAR(64)  NOT NULL CONSTRAINT category_key_lower CHECK (key = lower(key) AND length(btrim(key)) > 0),
    name        VARCHAR(64)  NOT NULL CONSTRAINT category_name_not_blank CHECK (length(btrim(name)) > 0),
    kind        VARCHAR(16)  NOT NULL CONSTRAINT category_kind_known CHECK (kind IN ('ESSENTIAL', 'DISCRETIONARY')),
    is_default  BOOLEAN      NOT NULL,
    archived_at TIMESTAMPTZ,
    created_at  TIMESTAMPTZ  NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL
);
CREATE UNIQUE INDEX category_user_key ON category (user_id, key);
CREATE UNIQUE INDEX category_user_name ON category (user_id, lower(name));

-- One plan per user and month. Amounts are minor units of the plan's currency. The plan is always read
-- and written whole (PUT replaces it), so its lists live in JSONB columns: commitments
-- [{name, amountMinor}], allocations [{category, amountMinor, weekdayWeights?}] (weights Monday..Sunday).
-- version is the ETag; the row is also the per-user-month lock every redistribution takes (FOR UPDATE).
CREATE TABLE budget_plan (
    id                    UUID        PRIMARY KEY,
    user_id               UUID        NOT NULL,
    month                 DATE        NOT NULL CONSTRAINT budget_plan_month_first_day CHECK (extract(day FROM month) = 1),
    currency              CHAR(3)     NOT NULL CONSTRAINT budget_plan_currency_iso CHECK (currency ~ '^[A-Z]{3}$'),
    income_minor          BIGINT      NOT NULL CONSTRAINT budget_plan_income_not_negative CHECK (income_minor >= 0),
    savings_target_minor  BIGINT      NOT NULL CONSTRAINT budget_plan_savings_not_negative CHECK (savings_target_minor >= 0),
    commitments           JSONB       NOT NULL,
    allocations           JSONB       NOT NULL,
    allow_over_allocation BOOLEAN     NOT NULL,
    release_commitments   BOOLEAN     NOT NULL,
    release_savings       BOOLEAN     NOT NULL,
    created_at            TIMESTAMPTZ NOT NULL,
    updated_at            TIMESTAMPTZ NOT NULL,
    version               BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT budget_plan_user_month UNIQUE (user_id, month)
);

-- What each day of a planned month may spend per category, after every redistribution (minor units of
-- the plan's currency). Written whole per user-month: delete the month, insert the new rows.
CREATE TABLE daily_allocation (
    user_id      UUID        NOT NULL,
    month        DATE        NOT NULL,
    category     VARCHAR(64) NOT NULL,
    day          DATE        NOT NULL,
    amount_minor BIGINT      NOT NULL CONSTRAINT daily_allocation_not_negative CHECK (amount_minor >= 0),
    PRIMARY KEY (user_id, month, category, day)
);

-- Every redistribution run (automatic after a spending change, or on demand) and the moves it made, so
-- the app can explain a change. shortfall_minor > 0: the month could not be balanced by that much.
CREATE TABLE redistribution_run (
    id              UUID        PRIMARY KEY,
    user_id         UUID        NOT NULL,
    month           DATE        NOT NULL,
    trigger         VARCHAR(32) NOT NULL,
    ran_on          DATE        NOT NULL,
    balanced        BOOLEAN     NOT NULL,
    shortfall_minor BIGINT      NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL
);
-- The listing of a month's runs, newest first.
CREATE INDEX redistribution_run_user_month ON redistribution_run (user_id, month, created_at DESC);

CREATE TABLE redistribution_move (
    run_id        UUID        NOT NULL REFERENCES redistribution_run (id) ON DELETE CASCADE,
    position      INT         NOT NULL,
    from_category VARCHAR(64) NOT NULL,
    from_day      DATE        NOT NULL,
    to_category   VARCHAR(64) NOT NULL,
    to_day        DATE        NOT NULL,
    amount_minor  BIGINT      NOT NULL CONSTRAINT redistribution_move_positive CHECK (amount_minor > 0),
    reason        VARCHAR(64) NOT NULL,
    PRIMARY KEY (run_id, position)
);

-- One row per user, month, category and threshold reached (80 or 100 % of the month's allocation): the
-- row is inserted with ON CONFLICT DO NOTHING in the same transaction as the outbox event, so the event
-- goes out once whatever the redelivery or concurrency.
CREATE TABLE threshold_reached (
    user_id    UUID        NOT NULL,
    month      DATE        NOT NULL,
    category   VARCHAR(64) NOT NULL,
    percent    SMALLINT    NOT NULL CONSTRAINT threshold_reached_known CHECK (percent IN (80, 100)),
    reached_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (user_id, month, category, percent)
);

-- Spending of one user's month per category and day (the ledger of a redistribution, the calendar):
-- the listing index (user_id, occurred_on DESC, id DESC) WHERE deleted_at IS NULL already serves it.
