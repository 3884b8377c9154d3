-- Receipts uploaded for OCR. The recognition pipeline arrives with the OCR issue; the table is the
-- service's own from the start so its database, migrations and health are real from day one.
CREATE TABLE receipt (
    id           UUID PRIMARY KEY,
    user_id      UUID         NOT NULL,
    status       VARCHAR(16)  NOT NULL CHECK (status IN ('PENDING', 'PROCESSED', 'FAILED', 'CONFIRMED')),
    content_type VARCHAR(64)  NOT NULL,
    size_bytes   INT          NOT NULL CHECK (size_bytes > 0),
    sha256       CHAR(64)     NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX receipt_user_created ON receipt (user_id, created_at DESC);
