-- Issue 9: a stored dashboard also keeps its rendered response body (the JSON object of budget, latestTransactions,
-- nextGoals and habits for the row's day, exactly as the response writes it), so a hit writes these bytes after the
-- request's today, zone and month instead of parsing the four parts and serialising the answer again
-- (docs/budget.md, "Stored dashboards"; docs/decisions.md). NULL in a row stored before this column: such a row is
-- never a hit, and the next miss replaces it (the store's ON CONFLICT condition).
-- V9_1, not V10: V10 may be taken by another branch of the same issue; Flyway orders 9.1 between 9 and 10.
ALTER TABLE stored_dashboard ADD COLUMN body TEXT;
