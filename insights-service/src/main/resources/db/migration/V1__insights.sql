-- Insights computed per user and month from the budget event stream (the engine arrives with the
-- insights issue). Amounts are kept as numeric with their currency, never floating point.
CREATE TABLE insight (
    id          UUID PRIMARY KEY,
    user_id     UUID         NOT NULL,
    month       CHAR(7)      NOT NULL,
    kind        VARCHAR(64)  NOT NULL,
    severity    VARCHAR(16)  NOT NULL CHECK (severity IN ('INFO', 'WARNING', 'CRITICAL')),
    text        VARCHAR(1000) NOT NULL,
    evidence    JSONB        NOT NULL DEFAULT '{}'::jsonb,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX insight_user_month ON insight (user_id, month);
