-- Tables of common-lib's mechanisms, created in every service database before the service's own
-- migrations (which start at V1). The transactional outbox: one row per event, written in the same
-- transaction as the state change; the relay publishes and stamps published_at.
CREATE TABLE outbox_event (
    seq            BIGSERIAL PRIMARY KEY,
    event_id       UUID         NOT NULL UNIQUE,
    source         VARCHAR(200) NOT NULL,
    type           VARCHAR(200) NOT NULL,
    subject        VARCHAR(200) NOT NULL,
    occurred_at    TIMESTAMPTZ  NOT NULL,
    correlation_id VARCHAR(64),
    actor_id       VARCHAR(200),
    traceparent    VARCHAR(128),
    data           JSONB        NOT NULL,
    published_at   TIMESTAMPTZ,
    attempts       INT          NOT NULL DEFAULT 0,
    last_error     VARCHAR(500)
);
CREATE INDEX outbox_event_unpublished ON outbox_event (seq) WHERE published_at IS NULL;
CREATE INDEX outbox_event_published_at ON outbox_event (published_at) WHERE published_at IS NOT NULL;

-- The inbox: which consumer already handled which event id (consumers are idempotent on it).
CREATE TABLE processed_event (
    consumer     VARCHAR(100) NOT NULL,
    event_id     UUID         NOT NULL,
    processed_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
