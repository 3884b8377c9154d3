-- People whose account was erased (mita.auth.user.erased.v1, docs/auth.md "Account deletion"): their receipts,
-- images and jobs are deleted and this row (the random user id and a time, nothing else) is written in the same
-- transaction by common-lib's erasure. It refuses uploads and every other request made with a still-valid access
-- token of the user (AUTH_ACCOUNT_ERASED).
CREATE TABLE erased_user (
    user_id   UUID        PRIMARY KEY,
    erased_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX erased_user_erased_at ON erased_user (erased_at);
