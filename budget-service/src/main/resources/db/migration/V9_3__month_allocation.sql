-- Issue 9: a user-month's daily allocations as one row per category, the month's days in an array (amounts[1] is
-- the 1st). Every spending change reads the user's month and rewrites the days a redistribution moved, and every
-- dashboard miss reads the month again: ~310 rows of daily_allocation (31 days x 10 categories) became 10 rows, and
-- a redistribution's update of ~30 cells of a category became one row (docs/budget.md, "Persistence and index
-- design"; docs/decisions.md, "A create -> dashboard cycle, sixth pass").
CREATE TABLE month_allocation (
    user_id  UUID        NOT NULL,
    month    DATE        NOT NULL,
    category VARCHAR(64) NOT NULL,
    amounts  BIGINT[]    NOT NULL,
    CONSTRAINT month_allocation_one_per_day CHECK (
        array_ndims(amounts) = 1 AND array_lower(amounts, 1) = 1
        AND array_length(amounts, 1) = extract(day FROM month + INTERVAL '1 month' - INTERVAL '1 day')),
    CONSTRAINT month_allocation_no_null CHECK (array_position(amounts, NULL) IS NULL),
    CONSTRAINT month_allocation_not_negative CHECK (0 <= ALL (amounts)),
    PRIMARY KEY (user_id, month, category)
) WITH (fillfactor = 90);

-- Every month written so far; a day without its row (never written by the app) reads as 0, as before.
INSERT INTO month_allocation (user_id, month, category, amounts)
SELECT m.user_id, m.month, m.category, array_agg(coalesce(d.amount_minor, 0) ORDER BY g.day)
FROM (SELECT DISTINCT user_id, month, category FROM daily_allocation) AS m
CROSS JOIN LATERAL generate_series(m.month, m.month + INTERVAL '1 month' - INTERVAL '1 day', INTERVAL '1 day') AS g (day)
LEFT JOIN daily_allocation d
       ON d.user_id = m.user_id AND d.month = m.month AND d.category = m.category AND d.day = g.day::date
GROUP BY m.user_id, m.month, m.category;

-- The stored dashboard's data version (V8), as daily_allocation had it (its triggers go with it). Created after the
-- copy: the copy changes no amount, so the dashboards stored before it stay valid.
CREATE TRIGGER month_allocation_inserted_dashboard AFTER INSERT ON month_allocation REFERENCING NEW TABLE AS written
    FOR EACH STATEMENT EXECUTE FUNCTION dashboard_rows_written();
CREATE TRIGGER month_allocation_updated_dashboard AFTER UPDATE ON month_allocation REFERENCING NEW TABLE AS written
    FOR EACH STATEMENT EXECUTE FUNCTION dashboard_rows_written();
CREATE TRIGGER month_allocation_deleted_dashboard AFTER DELETE ON month_allocation REFERENCING OLD TABLE AS written
    FOR EACH STATEMENT EXECUTE FUNCTION dashboard_rows_written();

DROP TABLE daily_allocation;
