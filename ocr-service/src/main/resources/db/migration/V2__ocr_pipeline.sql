-- The OCR pipeline (issue 10): what an image looked like, what was read from it, what the user confirmed,
-- the stored original, and the durable job queue that survives a restart.

ALTER TABLE receipt
    ADD COLUMN width           INT,
    ADD COLUMN height          INT,
    -- the extraction: {"merchant": {"value": .., "confidence": ..}, "date": .., "total": .., "items": [..]}
    ADD COLUMN fields          JSONB,
    ADD COLUMN confidence      NUMERIC(4, 3),
    ADD COLUMN failure_reason  VARCHAR(200),
    ADD COLUMN processed_at    TIMESTAMPTZ,
    -- what the user confirmed (corrections applied), the payload of mita.ocr.receipt.confirmed.v1
    ADD COLUMN confirmation    JSONB,
    ADD COLUMN confirmed_at    TIMESTAMPTZ;

-- the same image uploaded twice by one user is the same receipt
CREATE UNIQUE INDEX receipt_user_sha256 ON receipt (user_id, sha256);
-- the cursor listing: newest first, keyset on (created_at, id)
DROP INDEX receipt_user_created;
CREATE INDEX receipt_user_listing ON receipt (user_id, created_at DESC, id DESC);

-- The original bytes, kept beside the receipt (in the same transaction) until the receipt is deleted.
CREATE TABLE receipt_image (
    receipt_id UUID  PRIMARY KEY REFERENCES receipt (id) ON DELETE CASCADE,
    content    BYTEA NOT NULL
);

-- One OCR job per receipt. A worker claims a QUEUED job whose time has come and whose lease is free or
-- expired (FOR UPDATE SKIP LOCKED), counting the attempt at the claim; a worker that dies mid-job leaves
-- a lease that expires, and the next worker takes the job over. Retried with back-off; FAILED after
-- mita.ocr.jobs.max-attempts with the reason.
CREATE TABLE ocr_job (
    receipt_id      UUID         PRIMARY KEY REFERENCES receipt (id) ON DELETE CASCADE,
    status          VARCHAR(16)  NOT NULL CHECK (status IN ('QUEUED', 'DONE', 'FAILED')),
    attempts        INT          NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    lease_owner     VARCHAR(64),
    lease_until     TIMESTAMPTZ,
    last_error      VARCHAR(200),
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX ocr_job_due ON ocr_job (next_attempt_at) WHERE status = 'QUEUED';
