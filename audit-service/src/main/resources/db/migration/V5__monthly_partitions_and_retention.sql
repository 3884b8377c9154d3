-- Retention (issue 13, docs/audit.md "Retention"): audit_event and audit_chain are partitioned by month of
-- received_at (UTC), so an expired month leaves by dropping its two partitions, never by DELETE (the tables stay
-- append-only). The retention job archives a month, verifies the archive, records the cut-off anchor below, then
-- drops the month through audit_drop_archived_month, a function of the owner: the service role owns nothing and
-- may run no DDL itself.

-- received_at is now the database clock when the row is written (clock_timestamp(), under the chain's advisory
-- lock), not the start of its transaction (now()): it never goes backwards in seq order, so each month's partition
-- is one contiguous stretch of the chain and archiving the oldest month cuts the chain at one point.
CREATE TABLE audit_event_by_month (
    event_id       uuid        NOT NULL,
    seq            bigint      NOT NULL DEFAULT nextval('audit_event_seq_seq'),
    source         text        NOT NULL,
    type           text        NOT NULL,
    subject        text        NOT NULL,
    actor_id       text,
    correlation_id text,
    occurred_at    timestamptz NOT NULL,
    received_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
    topic          text        NOT NULL,
    partition      int         NOT NULL,
    kafka_offset   bigint      NOT NULL,
    data           jsonb,
    email_hashes   text[],
    sealed_data    bytea
) PARTITION BY RANGE (received_at);

-- the chain carries its record's received_at only to be partitioned like it (not part of any hash)
CREATE TABLE audit_chain_by_month (
    seq         bigint      NOT NULL,
    event_id    uuid        NOT NULL,
    prev_hash   bytea       NOT NULL CHECK (octet_length(prev_hash) = 32),
    hash        bytea       NOT NULL CHECK (octet_length(hash) = 32),
    received_at timestamptz NOT NULL
) PARTITION BY RANGE (received_at);

-- One month's two partitions, [first day 00:00 UTC, first day of the next month): created by the owner (this
-- migration, audit_ensure_partitions, or an operator loading older history), never by the service role. A
-- partition gets the TRUNCATE guard itself (statement triggers are not inherited; row triggers are).
CREATE FUNCTION audit_create_month_partition(p_month date) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS
$$
DECLARE
    first_day date := date_trunc('month', p_month::timestamp)::date;
    suffix    text := to_char(date_trunc('month', p_month::timestamp), '"y"YYYY"m"MM');
    low       text := quote_literal(first_day::text || ' 00:00:00+00');
    high      text := quote_literal((first_day + interval '1 month')::date::text || ' 00:00:00+00');
    parent    text;
BEGIN
    IF to_regclass('audit_event_' || suffix) IS NOT NULL THEN
        RETURN false;
    END IF;
    FOREACH parent IN ARRAY ARRAY['audit_event', 'audit_chain'] LOOP
        EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES FROM (%s) TO (%s)',
                       parent || '_' || suffix, parent, low, high);
        EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION audit_reject_change()',
                       parent || '_' || suffix || '_no_truncate', parent || '_' || suffix);
    END LOOP;
    RETURN true;
END;
$$;
REVOKE ALL ON FUNCTION audit_create_month_partition(date) FROM PUBLIC;

-- Move the rows of V1-V4 into the partitioned tables (same seq, same received_at: every hash stays valid).
ALTER SEQUENCE audit_event_seq_seq OWNED BY NONE;
ALTER TABLE audit_event RENAME TO audit_event_v4;
ALTER TABLE audit_chain RENAME TO audit_chain_v4;
ALTER TABLE audit_event_by_month RENAME TO audit_event;
ALTER TABLE audit_chain_by_month RENAME TO audit_chain;

SELECT audit_create_month_partition(month::date)
FROM (SELECT DISTINCT date_trunc('month', received_at AT TIME ZONE 'UTC') AS month FROM audit_event_v4
      UNION
      SELECT date_trunc('month', now() AT TIME ZONE 'UTC') + make_interval(months => ahead)
      FROM generate_series(0, 3) AS ahead) AS months
ORDER BY month;

INSERT INTO audit_event (event_id, seq, source, type, subject, actor_id, correlation_id, occurred_at, received_at,
                         topic, partition, kafka_offset, data, email_hashes, sealed_data)
SELECT event_id, seq, source, type, subject, actor_id, correlation_id, occurred_at, received_at, topic, partition,
       kafka_offset, data, email_hashes, sealed_data
FROM audit_event_v4 ORDER BY seq;

-- a link whose record is gone (tampering before this migration) keeps the time of the record before it, so the
-- integrity check still names it
INSERT INTO audit_chain (seq, event_id, prev_hash, hash, received_at)
SELECT c.seq, c.event_id, c.prev_hash, c.hash,
       coalesce(max(e.received_at) OVER (ORDER BY c.seq), (SELECT min(received_at) FROM audit_event_v4), now())
FROM audit_chain_v4 c LEFT JOIN audit_event_v4 e ON e.seq = c.seq ORDER BY c.seq;

DROP TABLE audit_event_v4;
DROP TABLE audit_chain_v4;
ALTER SEQUENCE audit_event_seq_seq OWNED BY audit_event.seq;

-- Keys and indexes (on each partition, present and future). A unique key of a partitioned table must hold the
-- partition key: event ids are kept unique by the single chain writer instead (it skips the ids already stored,
-- under the chain's lock), and seq by its sequence.
ALTER TABLE audit_event ADD CONSTRAINT audit_event_pkey PRIMARY KEY (event_id, received_at);
ALTER TABLE audit_chain ADD CONSTRAINT audit_chain_pkey PRIMARY KEY (seq, received_at);
CREATE INDEX audit_event_seq_idx            ON audit_event (seq);
CREATE INDEX audit_event_subject_idx        ON audit_event (subject, seq);
CREATE INDEX audit_event_type_idx           ON audit_event (type, seq);
CREATE INDEX audit_event_actor_idx          ON audit_event (actor_id, seq);
CREATE INDEX audit_event_correlation_idx    ON audit_event (correlation_id, seq);
CREATE INDEX audit_event_occurred_at_idx    ON audit_event (occurred_at);
CREATE INDEX audit_event_received_at_idx    ON audit_event (received_at);
CREATE INDEX audit_event_email_hashes_idx   ON audit_event USING gin (email_hashes);

-- Append-only as before: row triggers are cloned onto every partition; TRUNCATE of the parent is refused here,
-- TRUNCATE of one partition by the trigger audit_create_month_partition gives each.
CREATE TRIGGER audit_event_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_reject_change();
CREATE TRIGGER audit_event_no_truncate
    BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_reject_change();
CREATE TRIGGER audit_chain_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_chain
    FOR EACH ROW EXECUTE FUNCTION audit_reject_change();
CREATE TRIGGER audit_chain_no_truncate
    BEFORE TRUNCATE ON audit_chain
    FOR EACH STATEMENT EXECUTE FUNCTION audit_reject_change();

-- The partitions created before the triggers above existed get their TRUNCATE guard now.
DO
$$
DECLARE
    part regclass;
BEGIN
    FOR part IN SELECT inhrelid::regclass FROM pg_inherits
                WHERE inhparent IN ('audit_event'::regclass, 'audit_chain'::regclass) LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid = part AND tgname = part::text || '_no_truncate') THEN
            EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %s FOR EACH STATEMENT EXECUTE FUNCTION audit_reject_change()',
                           part::text || '_no_truncate', part);
        END IF;
    END LOOP;
END;
$$;

-- The cut-off anchors: one row per archived (and then dropped) month. The chain resumes after the newest one: the
-- integrity check starts from its last_hash instead of 32 zero bytes. Signed with the digests' Ed25519 key over the
-- manifest's message (docs/audit.md), so a forged anchor is named. first_seq/last_seq are NULL for a month without
-- records (its previous_hash and last_hash are then the hash the chain stood at).
CREATE TABLE audit_retention_cut (
    month          date        PRIMARY KEY CHECK (month = date_trunc('month', month::timestamp)::date),
    first_seq      bigint,
    last_seq       bigint      UNIQUE,
    record_count   bigint      NOT NULL CHECK (record_count >= 0),
    previous_hash  bytea       NOT NULL CHECK (octet_length(previous_hash) = 32),
    last_hash      bytea       NOT NULL CHECK (octet_length(last_hash) = 32),
    archive_file   text        NOT NULL,
    archive_sha256 bytea       NOT NULL CHECK (octet_length(archive_sha256) = 32),
    key_id         text        NOT NULL,
    signature      bytea       NOT NULL,
    cut_at         timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER audit_retention_cut_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_retention_cut
    FOR EACH ROW EXECUTE FUNCTION audit_reject_change();
CREATE TRIGGER audit_retention_cut_no_truncate
    BEFORE TRUNCATE ON audit_retention_cut
    FOR EACH STATEMENT EXECUTE FUNCTION audit_reject_change();

-- What the service role may ask of the owner (EXECUTE granted by the service's migration callback):

-- the partitions of this month and the next p_months_ahead (at most 12) months, created if missing
CREATE FUNCTION audit_ensure_partitions(p_months_ahead int) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET lock_timeout = '5s' AS
$$
DECLARE
    created integer := 0;
BEGIN
    IF p_months_ahead < 0 OR p_months_ahead > 12 THEN
        RAISE EXCEPTION 'months ahead must be 0 to 12, not %', p_months_ahead;
    END IF;
    FOR ahead IN 0..p_months_ahead LOOP
        IF audit_create_month_partition((date_trunc('month', now() AT TIME ZONE 'UTC')
                                         + make_interval(months => ahead))::date) THEN
            created := created + 1;
        END IF;
    END LOOP;
    RETURN created;
END;
$$;
REVOKE ALL ON FUNCTION audit_ensure_partitions(int) FROM PUBLIC;

-- Drops one month's two partitions, only when: its archive's anchor is recorded in audit_retention_cut, every row
-- left in it lies inside the archived seq range, no older month is still there (the chain is cut at one point), and
-- the month ended more than 90 days ago (PCI DSS 10.5.1: the latest three months stay at hand, whatever the
-- configured retention). Waits at most 5 s for the lock (a long export must not stall ingest behind it).
CREATE FUNCTION audit_drop_archived_month(p_month date) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp SET lock_timeout = '5s' AS
$$
DECLARE
    suffix  text := to_char(p_month, '"y"YYYY"m"MM');
    cut     audit_retention_cut%ROWTYPE;
    outside boolean;
BEGIN
    IF p_month <> date_trunc('month', p_month::timestamp)::date THEN
        RAISE EXCEPTION 'a month is named by its first day, not %', p_month;
    END IF;
    IF (p_month + interval '1 month') > (now() AT TIME ZONE 'UTC') - interval '90 days' THEN
        RAISE EXCEPTION 'month % ended less than 90 days ago: it stays (PCI DSS 10.5.1)', to_char(p_month, 'YYYY-MM');
    END IF;
    SELECT * INTO cut FROM audit_retention_cut WHERE month = p_month;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'month % has no verified archive recorded in audit_retention_cut', to_char(p_month, 'YYYY-MM');
    END IF;
    IF to_regclass('audit_event_' || suffix) IS NULL THEN
        RAISE EXCEPTION 'month % has no partition', to_char(p_month, 'YYYY-MM');
    END IF;
    IF EXISTS (SELECT 1 FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
               WHERE i.inhparent = 'audit_event'::regclass AND c.relname < 'audit_event_' || suffix) THEN
        RAISE EXCEPTION 'an older month than % is still stored: months leave oldest first', to_char(p_month, 'YYYY-MM');
    END IF;
    EXECUTE format('SELECT EXISTS (SELECT 1 FROM %1$I WHERE $1 IS NULL OR seq < $1 OR seq > $2)'
                   ' OR EXISTS (SELECT 1 FROM %2$I WHERE $1 IS NULL OR seq < $1 OR seq > $2)',
                   'audit_event_' || suffix, 'audit_chain_' || suffix)
        INTO outside USING cut.first_seq, cut.last_seq;
    IF outside THEN
        RAISE EXCEPTION 'month % holds records outside its archive (seq % to %)', to_char(p_month, 'YYYY-MM'),
            cut.first_seq, cut.last_seq;
    END IF;
    EXECUTE format('DROP TABLE %I, %I', 'audit_event_' || suffix, 'audit_chain_' || suffix);
END;
$$;
REVOKE ALL ON FUNCTION audit_drop_archived_month(date) FROM PUBLIC;
