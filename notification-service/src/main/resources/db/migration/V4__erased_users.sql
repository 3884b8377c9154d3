-- People whose account was erased (mita.auth.user.erased.v1, docs/auth.md "Account deletion"): their notifications,
-- preferences, mail and devices are deleted and this row (the random user id and a time, nothing else) is written in
-- the same transaction by common-lib's erasure. An event about the user consumed later (a budget or OCR event still
-- on its way, a password-reset request in the other consumer group) creates no notification and sends no mail.
CREATE TABLE erased_user (
    user_id   UUID        PRIMARY KEY,
    erased_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX erased_user_erased_at ON erased_user (erased_at);
