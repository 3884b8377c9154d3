-- Whether a signing key's private half was sealed under the public development master key. The prod
-- profile refuses to start while such a key is the active one. Keys stored before this column existed
-- are marked when an instance running with the development key loads them (it can decrypt them, so
-- they were sealed under it).
ALTER TABLE signing_key
    ADD COLUMN created_under_dev_key BOOLEAN NOT NULL DEFAULT false;
