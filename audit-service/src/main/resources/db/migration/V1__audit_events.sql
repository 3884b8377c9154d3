-- Every domain event of every mita.*.v1 topic, stored once (idempotent on the CloudEvent id), never changed.
--
-- seq gives every row a stable, gap-tolerant total order: the query API pages on it (keyset cursor) and the
-- later hash chain will link rows in seq order. The audit consumer is the only writer and inserts a batch in
-- one statement, so seq order is the order rows were appended. The chain will live in its own append-only
-- table keyed by seq (audit_event_chain(seq, prev_hash, hash)), so audit_event itself never needs an UPDATE.
CREATE TABLE audit_event (
    event_id       uuid        PRIMARY KEY,
    seq            bigserial   NOT NULL UNIQUE,
    source         text        NOT NULL,
    type           text        NOT NULL,
    subject        text        NOT NULL,
    actor_id       text,
    correlation_id text,
    occurred_at    timestamptz NOT NULL,
    received_at    timestamptz NOT NULL DEFAULT now(),
    topic          text        NOT NULL,
    partition      int         NOT NULL,
    kafka_offset   bigint      NOT NULL,
    data           jsonb
);

-- Filters are equalities answered newest first, so each index carries seq to serve the ORDER BY and the cursor.
CREATE INDEX audit_event_subject_idx        ON audit_event (subject, seq);
CREATE INDEX audit_event_type_idx           ON audit_event (type, seq);
CREATE INDEX audit_event_actor_idx          ON audit_event (actor_id, seq);
CREATE INDEX audit_event_correlation_idx    ON audit_event (correlation_id, seq);
CREATE INDEX audit_event_occurred_at_idx    ON audit_event (occurred_at);

-- Append-only: nobody rewrites history, not even the service itself.
CREATE FUNCTION audit_event_reject_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_event_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_reject_change();

CREATE TRIGGER audit_event_no_truncate
    BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_reject_change();
