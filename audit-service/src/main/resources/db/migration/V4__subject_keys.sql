-- Crypto-shredding (issue 13, docs/audit.md "Erasure"). Every event's data is sealed with a key of its subject
-- (AES-256-GCM) and stored in sealed_data; data (jsonb) stays NULL for such rows. Subject keys are stored wrapped by
-- the master key the service holds. mita.auth.user.erased.v1 destroys the subject's key: their events' data can no
-- longer be read, while the rows, their type and time, and the chain (which covers sealed_data) stay.
ALTER TABLE audit_event ADD COLUMN sealed_data bytea;

CREATE TABLE subject_key (
    subject     text        PRIMARY KEY,
    wrapped_key bytea       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- Who was erased, when and by whom (from the event); append-only. Events about an erased subject that arrive later
-- are stored without data.
CREATE TABLE subject_erasure (
    subject     text        PRIMARY KEY,
    event_id    uuid        NOT NULL,
    erased_at   timestamptz NOT NULL,
    erased_by   text,
    recorded_at timestamptz NOT NULL DEFAULT now()
);

CREATE TRIGGER subject_erasure_no_update_or_delete
    BEFORE UPDATE OR DELETE ON subject_erasure
    FOR EACH ROW EXECUTE FUNCTION audit_reject_change();
CREATE TRIGGER subject_erasure_no_truncate
    BEFORE TRUNCATE ON subject_erasure
    FOR EACH STATEMENT EXECUTE FUNCTION audit_reject_change();

-- The service role may INSERT and SELECT only; destroying a key is the one deletion it may make, and only through
-- this function (owned by the owner, SECURITY DEFINER), which deletes exactly one subject's key.
CREATE FUNCTION audit_shred_subject_key(p_subject text) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS
$$
DECLARE
    shredded integer;
BEGIN
    DELETE FROM subject_key WHERE subject = p_subject;
    GET DIAGNOSTICS shredded = ROW_COUNT;
    RETURN shredded;
END;
$$;
REVOKE ALL ON FUNCTION audit_shred_subject_key(text) FROM PUBLIC;
