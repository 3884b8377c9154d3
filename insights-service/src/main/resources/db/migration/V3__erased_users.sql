-- People whose account was erased (mita.auth.user.erased.v1, docs/insights.md "Erasure"): their projections and
-- insights are deleted, and this row (a random id and a time, nothing else) keeps budget events about them that
-- arrive later, or come back in a projection rebuild from the topic's retained history, from building them again.
CREATE TABLE erased_user (
    user_id   UUID        PRIMARY KEY,
    erased_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
