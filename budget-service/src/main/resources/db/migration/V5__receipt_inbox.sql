-- Receipts confirmed in ocr-service (mita.ocr.receipt.confirmed.v1) that became a transaction here: one row
-- per receipt, inserted in the same database transaction as the transaction row, so a redelivered or
-- republished event (another event id, the same receipt) makes no second transaction. The claim is
-- inserted before the transaction row, hence the deferred foreign key.
CREATE TABLE receipt_inbox (
    receipt_id     UUID        PRIMARY KEY,
    user_id        UUID        NOT NULL,
    transaction_id UUID        NOT NULL
        CONSTRAINT receipt_inbox_transaction_fk REFERENCES transaction (id) DEFERRABLE INITIALLY DEFERRED,
    event_id       UUID        NOT NULL,
    processed_at   TIMESTAMPTZ NOT NULL
);
