-- Tamper evidence (issue 13, docs/audit.md). The hash chain lives in its own append-only table, so audit_event
-- never needs an UPDATE: one row per stored event, in seq order (the append order; gaps in seq are fine, the
-- chain links consecutive existing rows). hash = SHA-256(prev_hash || canonical bytes of the audit_event row);
-- the first row's prev_hash is 32 zero bytes. The single chain writer serialises appends with an advisory lock
-- and writes the events and their chain rows in one transaction.
CREATE TABLE audit_chain (
    seq        bigint PRIMARY KEY,
    event_id   uuid   NOT NULL UNIQUE,
    prev_hash  bytea  NOT NULL CHECK (octet_length(prev_hash) = 32),
    hash       bytea  NOT NULL CHECK (octet_length(hash) = 32)
);

-- Signed digests, every hour by default: the chain head (last seq and hash), how many records joined the chain
-- since the previous digest, the period, and the previous digest's signature (digests chain too). Ed25519 with a
-- key the service holds and the database does not; the public key is published at GET /api/audit/public-key.
CREATE TABLE audit_digest (
    digest_id          bigserial   PRIMARY KEY,
    period_start       timestamptz NOT NULL,
    period_end         timestamptz NOT NULL,
    first_seq          bigint,
    last_seq           bigint,
    event_count        bigint      NOT NULL CHECK (event_count >= 0),
    last_hash          bytea       NOT NULL CHECK (octet_length(last_hash) = 32),
    previous_signature bytea,
    key_id             text        NOT NULL,
    signature          bytea       NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_digest_period_idx ON audit_digest (period_end);

-- the integrity check's time range is mapped to seq through received_at
CREATE INDEX audit_event_received_at_idx ON audit_event (received_at);

CREATE FUNCTION audit_reject_change() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER audit_chain_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_chain
    FOR EACH ROW EXECUTE FUNCTION audit_reject_change();
CREATE TRIGGER audit_chain_no_truncate
    BEFORE TRUNCATE ON audit_chain
    FOR EACH STATEMENT EXECUTE FUNCTION audit_reject_change();
CREATE TRIGGER audit_digest_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_digest
    FOR EACH ROW EXECUTE FUNCTION audit_reject_change();
CREATE TRIGGER audit_digest_no_truncate
    BEFORE TRUNCATE ON audit_digest
    FOR EACH STATEMENT EXECUTE FUNCTION audit_reject_change();
