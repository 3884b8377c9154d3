-- The relay claims a batch with a lease (claimed_by, claimed_until) in a short transaction instead of
-- holding row locks while it sends, and parks a row Kafka refuses for good (status 'parked' with its
-- reason) instead of retrying it forever in front of every later event (docs/decisions.md).
-- A service database that already applied V1.. applies this one out of order
-- (spring.flyway.out-of-order in mita-data-service-defaults.yml).
ALTER TABLE outbox_event
    ADD COLUMN status        VARCHAR(16) NOT NULL DEFAULT 'pending',
    ADD COLUMN claimed_by    VARCHAR(100),
    ADD COLUMN claimed_until TIMESTAMPTZ,
    ADD COLUMN refusals      INT         NOT NULL DEFAULT 0,
    ADD COLUMN parked_at     TIMESTAMPTZ,
    ADD COLUMN parked_reason VARCHAR(500);

UPDATE outbox_event SET status = 'published' WHERE published_at IS NOT NULL;

ALTER TABLE outbox_event
    ADD CONSTRAINT outbox_event_status CHECK (status IN ('pending', 'published', 'parked'));

DROP INDEX outbox_event_unpublished;
CREATE INDEX outbox_event_pending ON outbox_event (seq) WHERE status = 'pending';
CREATE INDEX outbox_event_parked ON outbox_event (seq) WHERE status = 'parked';
