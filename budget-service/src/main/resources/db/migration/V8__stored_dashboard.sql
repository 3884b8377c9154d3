-- The dashboard read model (issue 9; docs/budget.md, "Dashboard", "Stored dashboards"): each user's last computed
-- dashboard, served while the user's data version and the calendar day are still those it was computed at.
--
-- The data version: one row per user, bumped once per committing transaction that wrote any table the dashboard
-- reads (budget_plan, daily_allocation, transaction, goal, habit, habit_completion) or category. Statement-level
-- triggers (one call per statement whatever the number of rows: a redistribution rewrites a month of allocations
-- in two statements) note the written users in dashboard_change; a deferred constraint trigger on that note bumps
-- the version at COMMIT and removes the note. Bumping at COMMIT, after every other lock the transaction takes,
-- is what keeps the version row out of lock-order deadlocks (a transaction create locks the version row, then the
-- plan for its redistribution; a plan change the other way round). Versions only grow while the user exists; the
-- erasure deletes the row with the stored dashboard, and no dashboard is stored for an erased user afterwards
-- (StoredDashboardRepository stores under the erasure's shared lock and reads the tombstone first).
CREATE TABLE dashboard_data_version (
    user_id UUID   PRIMARY KEY,
    version BIGINT NOT NULL
);

-- Notes of the current transaction, removed in it at COMMIT: never seen by another transaction (so unlogged, and
-- nothing in it for an erasure or an export).
CREATE UNLOGGED TABLE dashboard_change (
    xact    XID8 NOT NULL,
    user_id UUID NOT NULL,
    PRIMARY KEY (xact, user_id)
);

CREATE FUNCTION dashboard_data_version_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- an erasure deletes the user's version and writes the tombstone in this transaction: no version comes back
    IF NOT EXISTS (SELECT 1 FROM erased_user WHERE user_id = NEW.user_id) THEN
        INSERT INTO dashboard_data_version AS v (user_id, version) VALUES (NEW.user_id, 1)
            ON CONFLICT (user_id) DO UPDATE SET version = v.version + 1;
    END IF;
    DELETE FROM dashboard_change WHERE xact = NEW.xact AND user_id = NEW.user_id;
    RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER dashboard_change_at_commit AFTER INSERT ON dashboard_change
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION dashboard_data_version_bump();

CREATE FUNCTION dashboard_rows_written() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO dashboard_change (xact, user_id) SELECT DISTINCT pg_current_xact_id(), user_id FROM written
        ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;

CREATE FUNCTION dashboard_habit_marks_written() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO dashboard_change (xact, user_id)
        SELECT DISTINCT pg_current_xact_id(), h.user_id FROM written w JOIN habit h ON h.id = w.habit_id
        ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;

-- A transition table belongs to one event, so three triggers a table; "written" is the new rows of an insert or
-- update (user_id never changes) and the old rows of a delete.
DO $$
DECLARE
    t TEXT;
    f TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['transaction', 'budget_plan', 'daily_allocation', 'goal', 'habit', 'habit_completion',
                             'category'] LOOP
        f := CASE WHEN t = 'habit_completion' THEN 'dashboard_habit_marks_written' ELSE 'dashboard_rows_written' END;
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS written'
                       ' FOR EACH STATEMENT EXECUTE FUNCTION %I()', t || '_inserted_dashboard', t, f);
        EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING NEW TABLE AS written'
                       ' FOR EACH STATEMENT EXECUTE FUNCTION %I()', t || '_updated_dashboard', t, f);
        EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS written'
                       ' FOR EACH STATEMENT EXECUTE FUNCTION %I()', t || '_deleted_dashboard', t, f);
    END LOOP;
END $$;

-- The stored dashboard: the four JSON parts of the dashboard statement as computed for the day "today" from the
-- data at "version". One row per user (the last day asked for). Deleted by the user's erasure.
CREATE TABLE stored_dashboard (
    user_id             UUID        PRIMARY KEY,
    version             BIGINT      NOT NULL,
    today               DATE        NOT NULL,
    month               TEXT,
    latest_transactions TEXT,
    next_goals          TEXT,
    habits              TEXT,
    stored_at           TIMESTAMPTZ NOT NULL DEFAULT now()
);
