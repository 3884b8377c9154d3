-- Privacy (issue 13): event data is masked before it is stored; the e-mail addresses masking removed are kept only
-- as keyed hashes (hex HMAC-SHA256 of the lower-cased address, key AUDIT_EMAIL_HASH_KEY), so compliance staff can
-- search by an address they know while the store holds none. NULL when the event held no address. The hash chain
-- covers this column (docs/audit.md).
ALTER TABLE audit_event ADD COLUMN email_hashes text[];

CREATE INDEX audit_event_email_hashes_idx ON audit_event USING gin (email_hashes);
