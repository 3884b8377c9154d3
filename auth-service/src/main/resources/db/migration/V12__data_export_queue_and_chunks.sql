-- Data exports, second pass (issue 12): the PENDING rows are the queue, and the archive is stored in chunks.
--
-- Queue: a worker claims a due PENDING row (FOR UPDATE SKIP LOCKED) by writing its claim into claimed_by and
-- lease_until; a row whose lease ran out (its worker died) is claimed again. attempts counts the claims;
-- next_attempt_at holds a row back after an attempt that failed inside the service (back-off). A row claimed
-- max-attempts times without finishing becomes FAILED with the reason.
ALTER TABLE data_export
    ADD COLUMN claimed_by      VARCHAR(100),
    ADD COLUMN lease_until     TIMESTAMPTZ,
    ADD COLUMN attempts        INT         NOT NULL DEFAULT 0,
    ADD COLUMN next_attempt_at TIMESTAMPTZ;
UPDATE data_export SET next_attempt_at = requested_at;
ALTER TABLE data_export
    ALTER COLUMN next_attempt_at SET NOT NULL,
    ADD CONSTRAINT data_export_attempts_not_negative CHECK (attempts >= 0);
CREATE INDEX data_export_due ON data_export (next_attempt_at) WHERE status = 'PENDING';

-- Archive: ordered chunks of at most mita.auth.export.chunk-size (1 MiB), written as the ZIP stream fills them and
-- served one after the other; deleted with their export (purge, erasure: the cascade).
CREATE TABLE data_export_chunk (
    export_id UUID  NOT NULL REFERENCES data_export (id) ON DELETE CASCADE,
    seq       INT   NOT NULL CONSTRAINT data_export_chunk_seq_not_negative CHECK (seq >= 0),
    bytes     BYTEA NOT NULL,
    PRIMARY KEY (export_id, seq)
);

-- archives stored before: one chunk each
INSERT INTO data_export_chunk (export_id, seq, bytes) SELECT id, 0, archive FROM data_export WHERE archive IS NOT NULL;
ALTER TABLE data_export DROP CONSTRAINT data_export_ready_has_archive;
ALTER TABLE data_export DROP COLUMN archive;
ALTER TABLE data_export ADD CONSTRAINT data_export_ready_has_archive
    CHECK ((status = 'READY') = (archive_size IS NOT NULL AND archive_sha256 IS NOT NULL));
