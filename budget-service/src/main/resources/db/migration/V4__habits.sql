-- Spending habits (docs/budget.md, "Habits"). A habit without category is kept by hand: the user marks
-- the days (habit_completion). A habit with a category carries exactly one limit (a number of expenses,
-- or an amount in one currency) per period and is checked on read against the transactions.
CREATE TABLE habit (
    id            UUID           PRIMARY KEY,
    user_id       UUID           NOT NULL,
    name          VARCHAR(100)   NOT NULL CONSTRAINT habit_name_not_blank CHECK (length(btrim(name)) > 0),
    category      VARCHAR(64),
    max_count     INT            CONSTRAINT habit_max_count_not_negative CHECK (max_count >= 0),
    max_amount    NUMERIC(19, 4) CONSTRAINT habit_max_amount_positive CHECK (max_amount > 0),
    currency      CHAR(3)        CONSTRAINT habit_currency_iso CHECK (currency ~ '^[A-Z]{3}$'),
    period        VARCHAR(8)     NOT NULL CONSTRAINT habit_period_known CHECK (period IN ('DAY', 'WEEK', 'MONTH')),
    weekdays_only BOOLEAN        NOT NULL,
    starts_on     DATE           NOT NULL,
    created_at    TIMESTAMPTZ    NOT NULL,
    updated_at    TIMESTAMPTZ    NOT NULL,
    version       BIGINT         NOT NULL DEFAULT 0,
    -- a category comes with exactly one limit, a limit with a category; an amount with its currency
    CONSTRAINT habit_rule_complete CHECK (
        (category IS NULL AND max_count IS NULL AND max_amount IS NULL)
        OR (category IS NOT NULL AND ((max_count IS NULL) <> (max_amount IS NULL)))),
    CONSTRAINT habit_amount_has_currency CHECK ((max_amount IS NULL) = (currency IS NULL))
);

-- The list of a user's habits, oldest first.
CREATE INDEX habit_user ON habit (user_id, created_at, id);

-- Days a user marked a habit as kept; one row per habit and day (the mark is idempotent).
CREATE TABLE habit_completion (
    habit_id     UUID        NOT NULL REFERENCES habit (id) ON DELETE CASCADE,
    day          DATE        NOT NULL,
    completed_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (habit_id, day)
);

-- A habit's check: one user's live expenses of one category between two dates, grouped by day. Covering,
-- so the check is an index-only range scan (type, currency and amount are read from the index).
CREATE INDEX transaction_user_category_day
    ON transaction (user_id, category, occurred_on)
    INCLUDE (type, currency, amount)
    WHERE deleted_at IS NULL;
