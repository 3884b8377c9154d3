-- bench/audit-ceiling.sql — run by bench/audit-ingest.sh (--ceiling, the default) in each round, after audit-service
-- stored the round's events: the CEILING of any design that stores these events durably in this PostgreSQL (issue
-- 13, docs/audit.md "Ingest: the ceiling PostgreSQL sets"). PostgreSQL alone, in one session and one transaction, with
-- no Java, no network, no parsing, masking, sealing nor hashing, copies the very rows audit-service just stored
--   ceiling: into tables with the same definition as audit-service's (same columns and defaults, partitioning,
--            partitions, primary keys, indexes, CHECK constraints and triggers: built from the live catalog, then
--            compared with it, so a later migration is followed or the run stops),
--   bare:    into plain heaps with the same columns (NOT NULL only: no partitioning, key, index, check nor trigger),
--            the floor under any design that keeps these rows at all,
-- audit_event's rows and their audit_chain rows in the same transaction, committed with synchronous_commit as
-- audit-service's role gets it. The rows are first read into temporary tables in seq order (not timed), so the timed
-- INSERT … SELECT reads no index and no partition of the real log. Everything it creates is dropped at the end.
--
--   psql -X -q -At -v ON_ERROR_STOP=1 -v topic=TOPIC -v service_role=ROLE -d DB -f bench/audit-ceiling.sql
--
-- (never with -1/--single-transaction: each timed copy commits inside the procedure audit_ceiling.timed_copy)
--
-- Prints one line: rows  ceiling_seconds  bare_seconds  synchronous_commit  definitions_compared  ceiling_cpu_ticks
-- bare_cpu_ticks (the backend's CPU time in clock ticks, getconf CLK_TCK a second; read by pg_read_file, so the
-- psql user must be a superuser, as the bench's postgres is)
-- Why these choices make it a ceiling (each favours PostgreSQL over any real writer): one transaction of the whole
-- round (audit-service commits one per poll of up to 2,000), seq and received_at copied instead of taken from the
-- sequence and clock_timestamp(), no look-up of stored ids or subject keys, one session with both cores free.

\set ON_ERROR_STOP 1
SET client_min_messages = warning;
DROP SCHEMA IF EXISTS audit_ceiling CASCADE;
CREATE SCHEMA audit_ceiling;

-- The round's rows, in the order audit-service appended them
CREATE TEMP TABLE ceiling_event AS
    SELECT * FROM public.audit_event WHERE topic = :'topic' ORDER BY seq;
CREATE TEMP TABLE ceiling_chain AS
    SELECT c.* FROM public.audit_chain c JOIN ceiling_event e USING (seq, received_at) ORDER BY c.seq;
SELECT count(*) AS rows FROM ceiling_event \gset
SELECT count(*) <> :rows AS chain_mismatch FROM ceiling_chain \gset
\if :chain_mismatch
    \warn 'audit-ceiling: the chain does not hold one row per stored event of the topic'
    DO $$ BEGIN RAISE EXCEPTION 'audit-ceiling stopped'; END $$;
\endif

-- Same definition: LIKE … INCLUDING ALL copies columns, defaults, NOT NULL, CHECK constraints and every index (the
-- primary key included) of the partitioned parent; the partitions get the parent's bounds and their indexes from it;
-- triggers are not copied by LIKE, so every trigger of the parents and partitions that is not a clone of a parent's
-- is created again from its definition (row triggers are then cloned onto the partitions as in the real schema).
DO
$$
DECLARE
    parent text;
    part   record;
    trg    record;
BEGIN
    FOREACH parent IN ARRAY ARRAY['audit_event', 'audit_chain'] LOOP
        EXECUTE format('CREATE TABLE audit_ceiling.%I (LIKE public.%I INCLUDING ALL) PARTITION BY %s',
                       parent, parent, pg_get_partkeydef(format('public.%I', parent)::regclass));
        FOR part IN SELECT c.relname, pg_get_expr(c.relpartbound, c.oid) AS bound
                    FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                    WHERE i.inhparent = format('public.%I', parent)::regclass AND c.relkind = 'r' LOOP
            EXECUTE format('CREATE TABLE audit_ceiling.%I PARTITION OF audit_ceiling.%I %s',
                           part.relname, parent, part.bound);
        END LOOP;
    END LOOP;
    FOR trg IN SELECT c.relname, pg_get_triggerdef(t.oid) AS def
               FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
               WHERE n.nspname = 'public' AND NOT t.tgisinternal AND t.tgparentid = 0
                 AND to_regclass(format('audit_ceiling.%I', c.relname)) IS NOT NULL LOOP
        EXECUTE replace(trg.def, format(' ON public.%s ', trg.relname), format(' ON audit_ceiling.%s ', trg.relname));
    END LOOP;
END;
$$;

-- The guard: the indexes, constraints and triggers of the real tables and their partitions, each without its own
-- name and schema, against the copies'; any difference stops the run
WITH defs AS (
    SELECT n.nspname, c.relname,
           regexp_replace(pg_get_indexdef(i.indexrelid), '^CREATE (UNIQUE )?INDEX \S+ ON (ONLY )?\S+ ', '\1') AS def
    FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    UNION ALL
    SELECT n.nspname, c.relname, x.contype::text || ' ' || pg_get_constraintdef(x.oid)
    FROM pg_constraint x JOIN pg_class c ON c.oid = x.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    UNION ALL
    SELECT n.nspname, c.relname, regexp_replace(pg_get_triggerdef(t.oid), '^CREATE TRIGGER \S+ (.*) ON \S+ ', '\1 ')
    FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE NOT t.tgisinternal
), real_tables AS (
    SELECT relname FROM pg_class WHERE oid IN ('public.audit_event'::regclass, 'public.audit_chain'::regclass)
    UNION ALL
    SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent IN ('public.audit_event'::regclass, 'public.audit_chain'::regclass) AND c.relkind = 'r'
), original AS (
    SELECT relname, def FROM defs WHERE nspname = 'public' AND relname IN (SELECT relname FROM real_tables)
), copied AS (
    SELECT relname, def FROM defs WHERE nspname = 'audit_ceiling'
)
SELECT d.differences, d.differences <> 0 AS definition_mismatch, (SELECT count(*) FROM original) AS definitions
FROM (SELECT (SELECT count(*) FROM (SELECT * FROM original EXCEPT ALL SELECT * FROM copied) o)
           + (SELECT count(*) FROM (SELECT * FROM copied EXCEPT ALL SELECT * FROM original) c) AS differences) d \gset
\if :definition_mismatch
    \warn 'audit-ceiling: the copies differ from audit_event/audit_chain in' :differences 'index, constraint or trigger definitions'
    DO $$ BEGIN RAISE EXCEPTION 'audit-ceiling stopped'; END $$;
\endif

-- The floor: the same columns in plain heaps
CREATE TABLE audit_ceiling.bare_event (LIKE public.audit_event);
CREATE TABLE audit_ceiling.bare_chain (LIKE public.audit_chain);

-- synchronous_commit as audit-service's role has it (a setting of the role in this database, of the role, of the
-- database, else the server's)
SELECT coalesce(
    (SELECT split_part(s, '=', 2) FROM pg_db_role_setting r, unnest(r.setconfig) s
     WHERE s LIKE 'synchronous\_commit=%'
       AND r.setrole IN (0, coalesce((SELECT oid FROM pg_roles WHERE rolname = :'service_role'), -1))
       AND r.setdatabase IN (0, (SELECT oid FROM pg_database WHERE datname = current_database()))
     ORDER BY (r.setrole <> 0 AND r.setdatabase <> 0) DESC, (r.setrole <> 0) DESC LIMIT 1),
    current_setting('synchronous_commit')) AS sync \gset
SET synchronous_commit = :'sync';

-- One timed copy, made twice below: the round's rows into audit_ceiling.EVENT_TABLE and their chain rows into
-- audit_ceiling.CHAIN_TABLE in one transaction, committed inside the procedure so the commit (its WAL flush) is timed
-- too. Returns the wall time in seconds and the backend's own CPU time (utime + stime of /proc/self/stat, in clock
-- ticks): on a shared machine the wall time is a share of the cores, the CPU time is what the copy costs whatever
-- the load.
CREATE FUNCTION audit_ceiling.backend_cpu_ticks() RETURNS bigint
    LANGUAGE sql AS
$$
SELECT split_part(s, ' ', 14)::bigint + split_part(s, ' ', 15)::bigint FROM pg_read_file('/proc/self/stat') AS s
$$;
CREATE PROCEDURE audit_ceiling.timed_copy(event_table text, chain_table text, OUT s numeric, OUT ticks bigint)
    LANGUAGE plpgsql AS
$$
DECLARE
    t0 timestamptz := clock_timestamp();
    c0 bigint      := audit_ceiling.backend_cpu_ticks();
BEGIN
    EXECUTE format('INSERT INTO audit_ceiling.%I SELECT * FROM ceiling_event', event_table);
    EXECUTE format('INSERT INTO audit_ceiling.%I SELECT * FROM ceiling_chain', chain_table);
    COMMIT;
    s := extract(epoch FROM clock_timestamp() - t0);
    ticks := audit_ceiling.backend_cpu_ticks() - c0;
END;
$$;

CALL audit_ceiling.timed_copy('audit_event', 'audit_chain', NULL, NULL) \gset ceiling_
CALL audit_ceiling.timed_copy('bare_event', 'bare_chain', NULL, NULL) \gset bare_

DROP SCHEMA audit_ceiling CASCADE;
\echo :rows :ceiling_s :bare_s :sync :definitions :ceiling_ticks :bare_ticks
