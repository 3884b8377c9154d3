-- Issue 9: a user-month's daily allocations are inserted together (one statement per plan write) and then updated
-- cell by cell by every redistribution. With the default fillfactor (100) the plan's insert fills their pages, so an
-- update finds no room on its row's page: no HOT update, the new version goes to another page with a new index
-- entry, and the month spreads over ever more pages, which every dashboard miss and every spending change read
-- (docs/budget.md, "Persistence and index design"; docs/decisions.md, "fifth pass"). 70 leaves 30 % of each page
-- (~2.4 KB) free: room for one redistribution's rewrite of a category's month (31 row versions of 76 bytes) until the
-- next read of the page prunes the old versions. Pages written before this migration stay full until their month is
-- written again (every plan write rewrites it) or an operator rewrites the table (VACUUM FULL daily_allocation).
ALTER TABLE daily_allocation SET (fillfactor = 70);
