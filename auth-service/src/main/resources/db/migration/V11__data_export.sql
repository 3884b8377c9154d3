-- Data exports (GDPR Art. 15 and 20): POST /api/auth/me/export. A worker collects the user's data from every
-- service into a ZIP stored here (bytea: a few MB compressed for the largest users) until expires_at; the
-- retention purge deletes the row after that. Erasing the account deletes its exports (cascade). At most one
-- PENDING export per user (the partial unique index decides a race between two requests).
CREATE TABLE data_export (
    id             UUID         PRIMARY KEY,
    user_id        UUID         NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    status         VARCHAR(16)  NOT NULL CONSTRAINT data_export_status_known CHECK (status IN ('PENDING', 'READY', 'FAILED')),
    requested_at   TIMESTAMPTZ  NOT NULL,
    completed_at   TIMESTAMPTZ,
    expires_at     TIMESTAMPTZ  NOT NULL,
    failure_reason VARCHAR(500),
    archive        BYTEA,
    archive_size   BIGINT,
    archive_sha256 CHAR(64),
    CONSTRAINT data_export_ready_has_archive CHECK ((status = 'READY') = (archive IS NOT NULL))
);

CREATE UNIQUE INDEX data_export_one_pending ON data_export (user_id) WHERE status = 'PENDING';
CREATE INDEX data_export_user_requested ON data_export (user_id, requested_at);
CREATE INDEX data_export_expires ON data_export (expires_at);
