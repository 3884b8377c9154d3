-- Projections of the budget event stream, per user (docs/insights.md, "Projections"). Amounts are numeric,
-- never floating point. projected_transaction and projected_plan hold the latest version of each transaction
-- and plan seen; the aggregates below are recomputed from projected_transaction for the keys an event touches,
-- so they are a function of it (the rebuild recomputes them the same way).
CREATE TABLE projected_transaction (
    transaction_id UUID          PRIMARY KEY,
    user_id        UUID          NOT NULL,
    version        BIGINT        NOT NULL,
    deleted        BOOLEAN       NOT NULL,
    type           VARCHAR(16)   NOT NULL CHECK (type IN ('EXPENSE', 'INCOME')),
    amount         NUMERIC(19,4) NOT NULL,
    currency       CHAR(3)       NOT NULL,
    category       VARCHAR(100)  NOT NULL,
    occurred_on    DATE          NOT NULL,
    merchant       VARCHAR(200)
);
CREATE INDEX projected_transaction_user_day ON projected_transaction (user_id, occurred_on);
CREATE INDEX projected_transaction_user_merchant ON projected_transaction (user_id, lower(btrim(merchant)));

CREATE TABLE projected_plan (
    user_id           UUID          NOT NULL,
    month             CHAR(7)       NOT NULL,
    version           BIGINT        NOT NULL,
    currency          CHAR(3)       NOT NULL,
    income            NUMERIC(19,4) NOT NULL,
    commitments_total NUMERIC(19,4) NOT NULL,
    savings_target    NUMERIC(19,4) NOT NULL,
    allocations       JSONB         NOT NULL DEFAULT '{}'::jsonb,
    PRIMARY KEY (user_id, month)
);

-- month totals per category (EXPENSE and INCOME), live transactions only
CREATE TABLE category_month_total (
    user_id      UUID          NOT NULL,
    month        CHAR(7)       NOT NULL,
    type         VARCHAR(16)   NOT NULL,
    category     VARCHAR(100)  NOT NULL,
    currency     CHAR(3)       NOT NULL,
    total        NUMERIC(19,4) NOT NULL,
    transactions INT           NOT NULL,
    PRIMARY KEY (user_id, month, type, category, currency)
);

-- daily series per type and currency
CREATE TABLE daily_total (
    user_id      UUID          NOT NULL,
    day          DATE          NOT NULL,
    type         VARCHAR(16)   NOT NULL,
    currency     CHAR(3)       NOT NULL,
    total        NUMERIC(19,4) NOT NULL,
    transactions INT           NOT NULL,
    PRIMARY KEY (user_id, day, type, currency)
);

-- expense statistics per merchant (lower-cased, trimmed) and currency
CREATE TABLE merchant_stat (
    user_id      UUID          NOT NULL,
    merchant     VARCHAR(200)  NOT NULL,
    currency     CHAR(3)       NOT NULL,
    transactions INT           NOT NULL,
    total        NUMERIC(19,4) NOT NULL,
    first_on     DATE          NOT NULL,
    last_on      DATE          NOT NULL,
    PRIMARY KEY (user_id, merchant, currency)
);

-- the rebuild's shadow copies: filled from the topics' beginning, then swapped in (ProjectionRebuild)
CREATE TABLE rebuild_projected_transaction (LIKE projected_transaction INCLUDING ALL);
CREATE TABLE rebuild_projected_plan (LIKE projected_plan INCLUDING ALL);

-- user-months whose insights are due to be (re)generated: a projection change schedules one, debounced;
-- changes counts the changes since it was scheduled, so a run that read older projections does not claim it
CREATE TABLE insight_refresh (
    user_id UUID        NOT NULL,
    month   CHAR(7)     NOT NULL,
    due_at  TIMESTAMPTZ NOT NULL,
    changes BIGINT      NOT NULL DEFAULT 1,
    PRIMARY KEY (user_id, month)
);
CREATE INDEX insight_refresh_due ON insight_refresh (due_at);

-- insights: severities of the event contract, a stable key per (user, month, kind, subject), a title, dismissal
ALTER TABLE insight DROP CONSTRAINT insight_severity_check;
UPDATE insight SET severity = CASE severity WHEN 'CRITICAL' THEN 'HIGH' WHEN 'WARNING' THEN 'MEDIUM' ELSE 'LOW' END;
ALTER TABLE insight
    ADD CONSTRAINT insight_severity_check CHECK (severity IN ('LOW', 'MEDIUM', 'HIGH')),
    ADD COLUMN insight_key  VARCHAR(300) NOT NULL DEFAULT '',
    ADD COLUMN title        VARCHAR(200) NOT NULL DEFAULT '',
    ADD COLUMN updated_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    ADD COLUMN dismissed_at TIMESTAMPTZ,
    -- the model's narrative (docs/insights.md, "Narrative"), or the templated text when it is off or fails
    ADD COLUMN narrative    VARCHAR(2000);
